using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Capture;
using NetCourse.Html;

namespace NetCourse.Lab;

/// <summary>
/// The traceroute Linux runs by default: UDP datagrams to ports 33434, 33435… (one more per probe), TTL 1, 2, 3…
/// Each router that drops one answers ICMP « time exceeded »; the destination, where nothing listens on such a port,
/// answers ICMP « port unreachable » (type 3, code 3) — that is how the traceroute knows it has arrived. Captured
/// live on the lab's interface (root), or read from data/08-traceroute-udp.pcap.
/// </summary>
public sealed class UdpTraceroute : IHtmlView
{
    /// <summary>The first destination port, as Linux's traceroute uses.</summary>
    public const int FirstPort = 33434;

    /// <summary>The recorded capture in data/.</summary>
    public const string RecordedName = "08-traceroute-udp.pcap";

    private UdpTraceroute(PacketTrace trace, IReadOnlyList<UdpProbeLine> probes)
    {
        Trace = trace;
        Probes = probes;
    }

    /// <summary>The captured frames (UDP probes and ICMP answers).</summary>
    public PacketTrace Trace { get; }

    /// <summary>Every UDP probe, in order, with its answer.</summary>
    public IReadOnlyList<UdpProbeLine> Probes { get; }

    /// <summary>Where the packets come from, in French.</summary>
    public string Source => Trace.Origin;

    /// <summary>The first probe the destination answered with port unreachable, or null.</summary>
    public UdpProbeLine? Arrival => Probes.FirstOrDefault(p => p.Kind == IcmpKind.Unreachable);

    /// <summary>The recorded UDP traceroute of the lab (data/08-traceroute-udp.pcap).</summary>
    public static UdpTraceroute Recorded() => FromTrace(CourseData.Load(RecordedName));

    /// <summary>The probes and answers of any capture.</summary>
    public static UdpTraceroute FromTrace(PacketTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new UdpTraceroute(trace, Pair(trace));
    }

    /// <summary>With the lab up (root): a UDP traceroute to its host, captured on its interface; otherwise the recorded one. Never throws for missing rights.</summary>
    public static async Task<UdpTraceroute> LiveOrRecordedAsync(LabNetwork lab, int maxHops = 8, int probesPerHop = 3)
    {
        ArgumentNullException.ThrowIfNull(lab);
        if (!lab.IsUp) return Recorded();
        if (Environment.GetEnvironmentVariable(CaptureSession.DisableVariable) == "1") return Recorded();
        try
        {
            var captured = await TracerouteCapture.RecordAsync(lab.Interface, () => SendAsync(lab.HostAddress, maxHops, probesPerHop), "udp or icmp",
                TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            var trace = captured.Trace;
            return FromTrace(new PacketTrace(trace.LinkType, trace.Frames, $"capture en direct sur {lab.Interface}"));
        }
        catch (Exception e) when (e is SharpPcap.PcapException or DllNotFoundException or TypeInitializationException or InvalidOperationException or TimeoutException)
        {
            return Recorded();
        }
    }

    /// <summary>
    /// Sends the probes as Linux's traceroute does: per TTL, <paramref name="probesPerHop"/> datagrams, each to the next
    /// port; a connected UDP socket learns of « port unreachable » as ConnectionRefused, which ends the trace.
    /// </summary>
    private static async Task SendAsync(IPAddress target, int maxHops, int probesPerHop)
    {
        if (!TracerouteTargets.IsLocalOrLab(target)) throw new InvalidOperationException($"{target} est hors du labo.");
        var port = FirstPort;
        var payload = Encoding.ASCII.GetBytes("NetCourse traceroute UDP........");
        for (var ttl = 1; ttl <= Math.Clamp(maxHops, 1, 30); ttl++)
        {
            var arrived = false;
            for (var p = 0; p < Math.Clamp(probesPerHop, 1, 5); p++)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { Ttl = (short)ttl };
                socket.Connect(new IPEndPoint(target, port++));
                await socket.SendAsync(payload).ConfigureAwait(false);
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                try
                {
                    await socket.ReceiveAsync(new byte[64], wait.Token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    arrived = true;
                }
                catch (OperationCanceledException)
                {
                    // A router's « time exceeded » is not reported to the socket: the capture sees it.
                }
            }
            if (arrived) break;
        }
    }

    private static List<UdpProbeLine> Pair(PacketTrace trace)
    {
        var probes = new List<(int Number, long Time, int Ttl, int SourcePort, int Port)>();
        var answers = new List<(int Number, long Time, IPAddress From, int Type, int Code, int SourcePort, int Port)>();
        for (var i = 0; i < trace.Frames.Count; i++)
        {
            var frame = trace.Frames[i];
            var ip = IPv4Of(frame.Data, trace.LinkType);
            if (ip.Length < 28) continue;
            var header = (ip[0] & 0x0f) * 4;
            if (ip.Length < header + 8) continue;
            if (ip[9] == 17)
                probes.Add((i + 1, frame.UnixNanoseconds, ip[8], BinaryPrimitives.ReadUInt16BigEndian(ip[header..]), BinaryPrimitives.ReadUInt16BigEndian(ip[(header + 2)..])));
            else if (ip[9] == 1 && ip[header] is 3 or 11 && ip.Length >= header + 8 + 20 + 4)
            {
                // The ICMP error quotes the probe: its IP header, then the first 8 bytes of its UDP header.
                var inner = ip[(header + 8)..];
                var innerHeader = (inner[0] & 0x0f) * 4;
                if (inner[9] != 17 || inner.Length < innerHeader + 4) continue;
                answers.Add((i + 1, frame.UnixNanoseconds, new IPAddress(ip[12..16]), ip[header], ip[header + 1],
                    BinaryPrimitives.ReadUInt16BigEndian(inner[innerHeader..]), BinaryPrimitives.ReadUInt16BigEndian(inner[(innerHeader + 2)..])));
            }
        }
        return probes.Select(p =>
        {
            var a = answers.FirstOrDefault(a => a.Number > p.Number && a.Port == p.Port && a.SourcePort == p.SourcePort);
            if (a.From is null) return new UdpProbeLine(p.Number, p.Ttl, p.Port, null, null, IcmpKind.Other, null);
            var kind = a.Type == 11 ? IcmpKind.TimeExceeded : IcmpKind.Unreachable;
            return new UdpProbeLine(p.Number, p.Ttl, p.Port, a.From, a.Number, kind, (a.Time - p.Time) / 1e6);
        }).ToList();
    }

    private static ReadOnlySpan<byte> IPv4Of(byte[] data, int linkType) => linkType switch
    {
        LinkType.Ethernet when data.Length > 14 && data[12] == 0x08 && data[13] == 0x00 => data.AsSpan(14),
        LinkType.RawIp => data,
        LinkType.LinuxSll when data.Length > 16 => data.AsSpan(16),
        _ => [],
    };

    /// <summary>The route the capture shows: per TTL, who answered, and whether it was the destination.</summary>
    public TracerouteResult ToTrace()
    {
        var target = Arrival?.AnsweredBy ?? IPAddress.None;
        var hops = Probes.GroupBy(p => p.Ttl).OrderBy(g => g.Key).Select(g => new TracerouteHop(g.Key,
            g.FirstOrDefault(p => p.AnsweredBy is not null)?.AnsweredBy, g.Select(p => p.RoundTripMs).ToArray(),
            g.Any(p => p.Kind == IcmpKind.Unreachable))).ToArray();
        return new TracerouteResult(target, hops, $"traceroute UDP — {Source}");
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var rows = Probes.Select(p => (IReadOnlyList<string>)[
            p.Number.ToString(CultureInfo.InvariantCulture), p.Ttl.ToString(CultureInfo.InvariantCulture),
            p.DestinationPort.ToString(CultureInfo.InvariantCulture),
            p.AnswerNumber?.ToString(CultureInfo.InvariantCulture) ?? "",
            p.AnsweredBy?.ToString() ?? "*",
            p.Kind switch
            {
                IcmpKind.TimeExceeded => "ICMP 11 « time exceeded » : un routeur a jeté la sonde",
                IcmpKind.Unreachable => "ICMP 3/3 « port unreachable » : la destination, rien n'écoute sur ce port",
                _ => "pas de réponse",
            },
            TracerouteHop.Format(p.RoundTripMs)]).ToArray();
        return new HtmlTable($"Traceroute UDP ({Probes.Count} sondes) — {Source}",
            ["sonde n°", "TTL", "port UDP visé", "réponse n°", "de", "réponse", "aller-retour"], rows).ToHtml();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine,
        Probes.Select(p => $"TTL {p.Ttl} port {p.DestinationPort} → {p.AnsweredBy?.ToString() ?? "*"} {p.Kind}"));
}
