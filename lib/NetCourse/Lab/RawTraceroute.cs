using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lab;

/// <summary>
/// The scapy idea in C#: build each probe with <see cref="ProbePacket"/> (our own IP header, our own TTL), send it on a
/// raw socket, and read the ICMP answers ourselves. Needs root (raw sockets); bounded like <see cref="Traceroute"/>.
/// </summary>
public static class RawTraceroute
{
    /// <summary>True when this process may open a raw socket (root or CAP_NET_RAW).</summary>
    public static bool CanRun(out string? reason)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
            reason = null;
            return true;
        }
        catch (SocketException e)
        {
            reason = $"Socket brut impossible ({e.SocketErrorCode}) : il faut être root (ou avoir la capacité cap_net_raw). "
                     + "Les sondes sont construites quand même ; seul leur envoi manque.";
            return false;
        }
    }

    /// <summary>Traces the route to an IPv4 <paramref name="target"/> with hand-built probes. Throws <see cref="ArgumentException"/> for a refused target, <see cref="SocketException"/> without raw-socket rights.</summary>
    public static async Task<TracerouteResult> RunAsync(IPAddress target, TracerouteOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TracerouteOptions();
        if (options.Validate() is { } invalid) throw new ArgumentException(invalid, nameof(options));
        if (TracerouteTargets.Check(target.ToString(), options.AllowExternal, out var reason) is null) throw new ArgumentException(reason, nameof(target));
        if (target.AddressFamily != AddressFamily.InterNetwork) throw new ArgumentException("Ce traceroute « à la scapy » construit des en-têtes IPv4 : donnez une adresse IPv4.", nameof(target));

        var source = SourceFor(target);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp);
        socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.HeaderIncluded, true);
        var identifier = (ushort)Random.Shared.Next(0x1000, 0xffff);
        ushort sequence = 0;
        var hops = new List<TracerouteHop>();
        var buffer = new byte[1500];
        for (var ttl = 1; ttl <= options.MaxHops; ttl++)
        {
            IPAddress? who = null;
            var reached = false;
            var times = new List<double?>();
            for (var p = 0; p < options.ProbesPerHop; p++)
            {
                sequence++;
                var probe = ProbePacket.Build(source, target, ttl, identifier, sequence);
                var watch = Stopwatch.StartNew();
                await socket.SendToAsync(probe.Bytes, SocketFlags.None, new IPEndPoint(target, 0), cancellationToken).ConfigureAwait(false);
                var answer = await WaitForAnswerAsync(socket, buffer, identifier, sequence, TimeSpan.FromMilliseconds(options.TimeoutMs), cancellationToken).ConfigureAwait(false);
                if (answer is null)
                {
                    times.Add(null);
                    continue;
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
                who ??= answer.Value.From;
                reached |= answer.Value.Type == 0;
            }
            hops.Add(new TracerouteHop(ttl, who, times, reached));
            if (reached) break;
        }
        return new TracerouteResult(target, hops, $"sondes construites avec PacketDotNet, envoyées sur un socket brut depuis {source}");
    }

    private static IPAddress SourceFor(IPAddress target)
    {
        // Connecting a UDP socket sends nothing; it only asks the kernel which source address its route would use.
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Connect(new IPEndPoint(target, 9));
        return ((IPEndPoint)udp.LocalEndPoint!).Address;
    }

    private static async Task<(IPAddress From, int Type)?> WaitForAnswerAsync(Socket socket, byte[] buffer, ushort identifier, ushort sequence,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), deadline.Token).ConfigureAwait(false);
                if (Match(buffer.AsSpan(0, received.ReceivedBytes), identifier, sequence) is { } type)
                    return (((IPEndPoint)received.RemoteEndPoint).Address, type);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The ICMP type when <paramref name="packet"/> (IP header first) answers our probe, else null.</summary>
    internal static int? Match(ReadOnlySpan<byte> packet, ushort identifier, ushort sequence)
    {
        if (packet.Length < 20) return null;
        var icmp = packet[((packet[0] & 0x0f) * 4)..];
        if (icmp.Length < 8) return null;
        ReadOnlySpan<byte> echo;
        switch (icmp[0])
        {
            case 0:
                echo = icmp;
                break;
            case 11 or 3 when icmp.Length >= 8 + 20:
                var inner = icmp[8..];
                var innerHeader = (inner[0] & 0x0f) * 4;
                if (inner[9] != 1 || inner.Length < innerHeader + 8) return null;
                echo = inner[innerHeader..];
                break;
            default:
                return null;
        }
        var id = (echo[4] << 8) | echo[5];
        var seq = (echo[6] << 8) | echo[7];
        return id == identifier && seq == sequence ? icmp[0] : null;
    }
}
