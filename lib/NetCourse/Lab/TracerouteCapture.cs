using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Capture;
using NetCourse.Html;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetCourse.Lab;

/// <summary>
/// The ICMP packets of a traceroute — captured live on the lab's interface, or read from a pcap file — as a packet list
/// in Wireshark's colours, and the traceroute rebuilt from them (each probe paired with its answer by identifier and sequence).
/// </summary>
public sealed class TracerouteCapture : IHtmlView
{
    private TracerouteCapture(IReadOnlyList<IcmpPacketInfo> packets, IReadOnlyList<RawCapture> raw, string source)
    {
        Packets = packets;
        Raw = raw;
        Source = source;
    }

    /// <summary>The ICMPv4 packets, in capture order.</summary>
    public IReadOnlyList<IcmpPacketInfo> Packets { get; }

    /// <summary>The raw captured frames (to save them, or to give them to another view).</summary>
    public IReadOnlyList<RawCapture> Raw { get; }

    /// <summary>Where the packets come from, in French.</summary>
    public string Source { get; }

    /// <summary>The same frames as a <see cref="PacketTrace"/>, for the course's dissector and packet views (<c>Trace.Dissect()</c>).</summary>
    public PacketTrace Trace => new(Raw.Count > 0 ? (int)Raw[0].LinkLayerType : (int)LinkLayers.Ethernet,
        Raw.Select(r => new CapturedFrame((long)r.Timeval.Seconds * 1_000_000_000 + (long)r.Timeval.MicroSeconds * 1000, r.PacketLength, r.Data)).ToArray(),
        Source);

    /// <summary>Reads a pcap file (for example data/08-traceroute.pcap). Throws <see cref="FileNotFoundException"/> with a French message when it is missing.</summary>
    public static TracerouteCapture FromFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Capture introuvable : {Path.GetFullPath(path)}", path);
        var raw = new List<RawCapture>();
        using var reader = new CaptureFileReaderDevice(path);
        reader.Open();
        while (reader.GetNextPacket(out var capture) == GetPacketStatus.PacketRead) raw.Add(capture.GetPacket());
        reader.Close();
        return new TracerouteCapture(Parse(raw), raw, $"capture enregistrée {Path.GetFileName(path)}");
    }

    /// <summary>The course's recorded traceroute, data/08-traceroute.pcap (from the repository, else the copy embedded in the library).</summary>
    public static TracerouteCapture Recorded() => FromTrace(CourseData.Load(RecordedName));

    /// <summary>The name of the recorded traceroute in data/.</summary>
    public const string RecordedName = "08-traceroute.pcap";

    /// <summary>Takes the ICMP packets of a capture read or taken by <see cref="NetCourse.Capture"/>.</summary>
    public static TracerouteCapture FromTrace(PacketTrace trace)
    {
        var raw = trace.Frames.Select(f => new RawCapture((LinkLayers)trace.LinkType,
            new PosixTimeval((ulong)(f.UnixNanoseconds / 1_000_000_000), (ulong)(f.UnixNanoseconds % 1_000_000_000 / 1000)), f.Data)).ToArray();
        return new TracerouteCapture(Parse(raw), raw, trace.Origin);
    }

    /// <summary>
    /// The chapter's capture: when <paramref name="lab"/> is up, a traceroute to its host captured live on its interface;
    /// otherwise — or when live capture fails, or is turned off with NETCOURSE_NO_CAPTURE=1 — the recorded one, with
    /// the reason in <see cref="Source"/>. Never throws for missing rights.
    /// </summary>
    public static async Task<TracerouteCapture> LiveOrRecordedAsync(LabNetwork lab, TracerouteOptions? options = null)
    {
        if (!lab.IsUp) return Recorded();
        if (Environment.GetEnvironmentVariable(CaptureSession.DisableVariable) == "1")
            return Recorded($"capture en direct désactivée ({CaptureSession.DisableVariable}=1)");
        try
        {
            return await RecordAsync(lab.Interface, () => Traceroute.RunAsync(lab.HostAddress, options)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PcapException or DllNotFoundException or TypeInitializationException or InvalidOperationException or TimeoutException)
        {
            return Recorded($"capture en direct impossible ({e.GetBaseException().Message})");
        }
    }

    private static TracerouteCapture Recorded(string why)
    {
        var recorded = Recorded();
        return new TracerouteCapture(recorded.Packets, recorded.Raw, $"{why} — {recorded.Source}");
    }

    /// <summary>
    /// Captures ICMP on <paramref name="interfaceName"/> while <paramref name="action"/> runs (root only), then returns
    /// what was seen. Bounded: the capture stops when the action ends (plus a short grace) or after <paramref name="limit"/>.
    /// </summary>
    public static Task<TracerouteCapture> RecordAsync(string interfaceName, Func<Task> action, TimeSpan? limit = null) =>
        RecordAsync(interfaceName, action, "icmp", limit);

    /// <summary>As <see cref="RecordAsync(string, Func{Task}, TimeSpan?)"/> with another BPF filter (« udp or icmp » for a UDP traceroute).</summary>
    public static async Task<TracerouteCapture> RecordAsync(string interfaceName, Func<Task> action, string filter, TimeSpan? limit = null)
    {
        // A fresh list: the lab's interface did not exist when the shared list was first read.
        var devices = LibPcapLiveDeviceList.New();
        var device = devices.FirstOrDefault(d => d.Name == interfaceName)
                     ?? throw new InvalidOperationException($"Interface « {interfaceName} » introuvable pour la capture (le labo est-il en place ?).");
        var frames = new ConcurrentQueue<RawCapture>();
        device.Open(new DeviceConfiguration { Mode = DeviceModes.None, ReadTimeout = 50, Snaplen = 512 });
        try
        {
            device.Filter = filter;
            device.OnPacketArrival += (_, e) => frames.Enqueue(e.GetPacket());
            device.StartCapture();
            try
            {
                await action().WaitAsync(limit ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
                await Task.Delay(200).ConfigureAwait(false);
            }
            finally
            {
                device.StopCapture();
            }
        }
        finally
        {
            device.Close();
        }
        var raw = frames.ToArray();
        return new TracerouteCapture(Parse(raw), raw, $"capture en direct sur {interfaceName}");
    }

    /// <summary>Writes the captured frames to a pcap file (Ethernet link type).</summary>
    public void Save(string path)
    {
        using var writer = new CaptureFileWriterDevice(path, FileMode.Create);
        writer.Open(new DeviceConfiguration { LinkLayerType = Raw.Count > 0 ? Raw[0].LinkLayerType : LinkLayers.Ethernet });
        foreach (var frame in Raw) writer.Write(frame);
        writer.Close();
    }

    /// <summary>
    /// The traceroute as the capture shows it: each echo request the machine sent is paired with the « time exceeded »
    /// or echo reply that quotes its identifier and sequence; round trips come from the capture's timestamps.
    /// </summary>
    public TracerouteResult ToTrace()
    {
        var requests = Packets.Where(p => p.Kind == IcmpKind.EchoRequest).ToArray();
        if (requests.Length == 0) return new TracerouteResult(IPAddress.None, [], $"{Source} : aucune sonde");
        var target = requests[^1].Destination;
        var answers = Packets.Where(p => p.Kind is IcmpKind.TimeExceeded or IcmpKind.EchoReply or IcmpKind.Unreachable).ToArray();
        var hops = new List<TracerouteHop>();
        foreach (var group in requests.Where(r => r.Destination.Equals(target)).GroupBy(r => r.Ttl).OrderBy(g => g.Key))
        {
            IPAddress? who = null;
            var reached = false;
            var times = new List<double?>();
            foreach (var probe in group)
            {
                var answer = answers.FirstOrDefault(a => a.Number > probe.Number && a.Identifier == probe.Identifier && a.Sequence == probe.Sequence);
                if (answer is null)
                {
                    times.Add(null);
                    continue;
                }
                who ??= answer.Source;
                reached |= answer.Kind == IcmpKind.EchoReply;
                times.Add((answer.Time - probe.Time) * 1000);
            }
            hops.Add(new TracerouteHop(group.Key, who, times, reached));
        }
        return new TracerouteResult(target, hops, Source);
    }

    private static List<IcmpPacketInfo> Parse(IReadOnlyList<RawCapture> raw)
    {
        var list = new List<IcmpPacketInfo>();
        DateTime? start = null;
        for (var i = 0; i < raw.Count; i++)
        {
            Packet packet;
            try
            {
                packet = Packet.ParsePacket(raw[i].LinkLayerType, raw[i].Data);
            }
            catch (Exception)
            {
                continue;
            }
            if (packet.Extract<IPv4Packet>() is not { Protocol: PacketDotNet.ProtocolType.Icmp } ip) continue;
            var whole = ip.Bytes;
            var headerBytes = ip.HeaderLength * 4;
            if (whole.Length < headerBytes + 8) continue;
            var icmp = whole[headerBytes..Math.Min(whole.Length, ip.TotalLength)];
            start ??= raw[i].Timeval.Date;
            var time = (raw[i].Timeval.Date - start.Value).TotalSeconds;
            int type = icmp[0], code = icmp[1];
            int? id = null, seq = null, quotedTtl = null;
            if (type is 0 or 8)
            {
                id = (icmp[4] << 8) | icmp[5];
                seq = (icmp[6] << 8) | icmp[7];
            }
            else if (type is 11 or 3 && icmp.Length >= 8 + 20)
            {
                // The router quotes the dropped probe: its IP header, then the first 8 bytes of its ICMP echo.
                var inner = icmp.AsSpan(8);
                var headerLength = (inner[0] & 0x0f) * 4;
                quotedTtl = inner[8];
                if (inner[9] == 1 && inner.Length >= headerLength + 8)
                {
                    id = (inner[headerLength + 4] << 8) | inner[headerLength + 5];
                    seq = (inner[headerLength + 6] << 8) | inner[headerLength + 7];
                }
            }
            list.Add(new IcmpPacketInfo(i + 1, time, ip.SourceAddress, ip.DestinationAddress, ip.TimeToLive, type, code, id, seq, quotedTtl));
        }
        return list;
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:monospace;font-size:12px\">");
        html.Append("<div style=\"font-family:sans-serif;font-weight:bold;margin:4px 0\">")
            .Append(HtmlText.Encode($"{Packets.Count} paquet(s) ICMP — {Source}")).Append("</div>");
        html.Append("<table style=\"border-collapse:collapse\"><tr style=\"background:#ddd;text-align:left\"><th style=\"text-align:left\">N°</th><th style=\"text-align:left\">Temps</th><th style=\"text-align:left\">Source</th>"
            + "<th style=\"text-align:left\">Destination</th><th style=\"text-align:left\">TTL</th><th style=\"text-align:left\">Info</th></tr>");
        foreach (var p in Packets)
        {
            // Wireshark's default colouring rules: « ICMP errors » (dark) and « ICMP » (pink).
            var (background, foreground) = p.Kind is IcmpKind.TimeExceeded or IcmpKind.Unreachable ? ("#12272e", "#b7f774") : ("#fce0ff", "#12272e");
            html.Append(CultureInfo.InvariantCulture, $"<tr style=\"background:{background};color:{foreground}\">")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:1px 6px;text-align:left\">{p.Number}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:1px 6px;text-align:left\">{p.Time.ToString("0.000000", CultureInfo.InvariantCulture)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:1px 6px;text-align:left\">{p.Source}</td><td style=\"padding:1px 6px;text-align:left\">{p.Destination}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:1px 6px;text-align:left\">{p.Ttl}</td><td style=\"padding:1px 6px;text-align:left\">{HtmlText.Encode(p.Info)}</td></tr>");
        }
        return html.Append("</table></div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine,
        Packets.Select(p => $"{p.Number,3} {p.Time,10:0.000000} {p.Source,-15} → {p.Destination,-15} ttl={p.Ttl,-3} {p.Info}"));
}
