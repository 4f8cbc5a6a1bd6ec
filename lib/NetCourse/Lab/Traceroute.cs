using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;

namespace NetCourse.Lab;

/// <summary>
/// A traceroute in C#: ICMP echo probes with TTL 1, 2, 3 …; each router that drops a probe whose TTL reached 0
/// answers « time exceeded » (<see cref="IPStatus.TtlExpired"/>) from its own address, the target answers the echo.
/// Bounded in hops, probes and time; refuses targets outside loopback and the lab unless allowed. The default payload is
/// kept: without root, .NET sends its pings through the system's ping program, which refuses custom payloads.
/// </summary>
public static class Traceroute
{
    /// <summary>Traces the route to <paramref name="target"/>. Throws <see cref="ArgumentException"/> (French message) for a refused target or bad options.</summary>
    public static async Task<TracerouteResult> RunAsync(IPAddress target, TracerouteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TracerouteOptions();
        if (options.Validate() is { } invalid) throw new ArgumentException(invalid, nameof(options));
        if (TracerouteTargets.Check(target.ToString(), options.AllowExternal, out var reason) is null)
            throw new ArgumentException(reason, nameof(target));

        var hops = new List<TracerouteHop>();
        using var ping = new Ping();
        for (var ttl = 1; ttl <= options.MaxHops; ttl++)
        {
            IPAddress? answered = null;
            var reached = false;
            var stop = false;
            var times = new List<double?>();
            for (var probe = 0; probe < options.ProbesPerHop; probe++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var watch = Stopwatch.StartNew();
                PingReply reply;
                try
                {
                    reply = await ping.SendPingAsync(target, TimeSpan.FromMilliseconds(options.TimeoutMs), buffer: null,
                        new PingOptions(ttl, dontFragment: true), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is PingException or PlatformNotSupportedException)
                {
                    // Without root, .NET uses the system's ping program; without it, no probe can be sent.
                    return new TracerouteResult(target, hops, "sondes ICMP écho")
                    {
                        Error = $"{e.GetBaseException().Message} — sans root, .NET passe par le programme ping (sudo apt-get install iputils-ping).",
                    };
                }
                var elapsed = watch.Elapsed.TotalMilliseconds;
                switch (reply.Status)
                {
                    case IPStatus.Success:
                        answered = reply.Address;
                        reached = true;
                        times.Add(elapsed);
                        break;
                    case IPStatus.TtlExpired or IPStatus.TimeExceeded:
                        answered ??= reply.Address;
                        times.Add(elapsed);
                        break;
                    case IPStatus.DestinationHostUnreachable or IPStatus.DestinationNetworkUnreachable
                        or IPStatus.DestinationUnreachable or IPStatus.DestinationProtocolUnreachable or IPStatus.DestinationPortUnreachable:
                        answered ??= reply.Address;
                        times.Add(elapsed);
                        stop = true;
                        break;
                    default:
                        times.Add(null);
                        break;
                }
            }
            hops.Add(new TracerouteHop(ttl, answered, times, reached));
            if (reached || stop) break;
        }
        return new TracerouteResult(target, hops, $"sondes ICMP écho, {options.ProbesPerHop} par saut, TTL 1 à {hops.Count}");
    }
}
