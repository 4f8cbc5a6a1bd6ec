using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;

namespace NetCourse.Lab;

/// <summary>
/// Checks the TTL loop of a traceroute written by a student. The student's function receives a probe — a delegate
/// « TTL → answer » — and returns the route (who answered, in TTL order). With the lab up, each probe is a real ICMP
/// echo with that TTL sent to the lab's host; without it, answers come from the recorded trace (data/08-traceroute.pcap).
/// Every TTL asked is recorded, so the report says what the loop did on the wire. Bounded: 40 probes, 30 s.
/// </summary>
public static class TtlLoopCheck
{
    /// <summary>Most probes a loop may send before it is stopped.</summary>
    public const int MaxProbes = 40;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="loop"/> against the lab when <paramref name="lab"/> is up, else against the recorded trace.</summary>
    public static async Task<TtlLoopReport> RunAsync(Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress?>>> loop, LabNetwork? lab = null)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (lab is { IsUp: true })
            return await RunAsync(loop, ttl => PingAsync(lab.HostAddress, ttl), [.. lab.RouterAddresses, lab.HostAddress],
                $"sondes ICMP réelles dans le labo vers {lab.HostAddress}").ConfigureAwait(false);
        var trace = TracerouteCapture.Recorded().ToTrace();
        return await RunAsync(loop, ttl => Task.FromResult(Recorded(trace, ttl)), [.. trace.Routers, trace.Target],
            $"réponses rejouées depuis la capture enregistrée {TracerouteCapture.RecordedName} (sans labo)").ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="loop"/> with <paramref name="probe"/> as the network; <paramref name="expected"/> is the true route.</summary>
    internal static async Task<TtlLoopReport> RunAsync(Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress?>>> loop,
        Func<int, Task<ProbeReply>> probe, IReadOnlyList<IPAddress> expected, string source)
    {
        var sent = new List<ProbeReply>();
        var invalid = new List<int>();
        var tooMany = false;
        async Task<ProbeReply> Recorder(int ttl)
        {
            lock (sent)
            {
                if (sent.Count + invalid.Count >= MaxProbes)
                {
                    tooMany = true;
                    throw new OperationCanceledException($"plus de {MaxProbes} sondes : la boucle est arrêtée.");
                }
                if (ttl is < 1 or > 255) invalid.Add(ttl);
            }
            if (ttl is < 1 or > 255) return new ProbeReply(ttl, null, false, null);
            var reply = await probe(ttl).ConfigureAwait(false);
            lock (sent) sent.Add(reply);
            return reply;
        }

        List<IPAddress?>? route = null;
        string? failure = null;
        try
        {
            route = await Task.Run(() => loop(Recorder)).WaitAsync(Limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            failure = $"votre boucle n'a pas fini en {Limit.TotalSeconds:0} s.";
        }
        catch (OperationCanceledException) when (tooMany)
        {
            failure = $"votre boucle a demandé plus de {MaxProbes} sondes : elle a été arrêtée.";
        }
        catch (Exception e)
        {
            failure = $"votre boucle s'est arrêtée sur une exception : {e.GetType().Name} — {e.Message}";
        }
        ProbeReply[] probes;
        lock (sent) probes = [.. sent];
        return new TtlLoopReport(source, probes, invalid.ToArray(), route, expected, failure);
    }

    private static ProbeReply Recorded(TracerouteResult trace, int ttl)
    {
        var hop = trace.Hops.FirstOrDefault(h => h.Ttl == ttl);
        if (hop is null || (trace.ReachedAtTtl is { } reached && ttl > reached))
            return new ProbeReply(ttl, trace.Target, true, (trace.Hops.Count > 0 ? trace.Hops[^1] : null)?.RoundTripsMs.FirstOrDefault(r => r is not null));
        return new ProbeReply(ttl, hop.Address, hop.Reached, hop.RoundTripsMs.FirstOrDefault(r => r is not null));
    }

    private static async Task<ProbeReply> PingAsync(IPAddress target, int ttl)
    {
        using var ping = new Ping();
        var watch = Stopwatch.StartNew();
        try
        {
            var reply = await ping.SendPingAsync(target, TimeSpan.FromSeconds(1), null, new PingOptions(ttl, true)).ConfigureAwait(false);
            var ms = watch.Elapsed.TotalMilliseconds;
            return reply.Status switch
            {
                IPStatus.Success => new ProbeReply(ttl, reply.Address, true, ms),
                IPStatus.TtlExpired or IPStatus.TimeExceeded => new ProbeReply(ttl, reply.Address, false, ms),
                _ => new ProbeReply(ttl, null, false, null),
            };
        }
        catch (Exception e) when (e is PingException or PlatformNotSupportedException)
        {
            return new ProbeReply(ttl, null, false, null);
        }
    }
}
