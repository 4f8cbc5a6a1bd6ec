using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Capture;
using NetCourse.Dissection;
using NetCourse.Platform;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// A small capture written by the test itself (loopback and lab-free addresses only), and the packets as tshark
/// dissects them, turned into dictionary-backed IFieldSources: an oracle for the filters and colouring rules that does
/// not depend on our own dissector.
/// </summary>
internal sealed class FilterTsharkCapture : IDisposable
{
    public static readonly string[] Fields =
    [
        "frame.protocols", "frame.len", "eth.src", "eth.dst", "eth.addr", "eth.type",
        "ip.src", "ip.dst", "ip.addr", "ip.ttl", "ip.proto", "ip.len",
        "ipv6.src", "ipv6.dst", "ipv6.addr", "ipv6.hlim",
        "tcp.srcport", "tcp.dstport", "tcp.port", "tcp.flags", "tcp.flags.syn", "tcp.flags.fin", "tcp.flags.reset", "tcp.flags.ack", "tcp.len",
        "udp.srcport", "udp.dstport", "udp.port", "udp.length",
        "icmp.type", "icmp.code", "icmpv6.type", "arp.opcode", "dns.qry.name", "dns.flags.response",
        "tcp.analysis.flags", "tcp.analysis.window_update", "tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("nc-filters-").FullName;

    public FilterTsharkCapture()
    {
        PcapPath = Path.Combine(_dir, "filters.pcap");
        Frames = BuildFrames();
        // One frame per millisecond from 2023-11-14 22:13:20 UTC, as the library's own pcap writer stores them.
        var frames = Frames.Select((f, i) => new CapturedFrame((1_700_000_000L * 1000 + i) * 1_000_000, f.Length, f)).ToList();
        new PacketTrace(1, frames, "filters", snapLength: 65535).WritePcap(PcapPath);
        Packets = ReadWithTshark();
    }

    public string PcapPath { get; }

    public IReadOnlyList<byte[]> Frames { get; }

    public IReadOnlyList<FilterTestPacket> Packets { get; }

    /// <summary>The frame numbers tshark keeps with <paramref name="filter"/>.</summary>
    public int[] TsharkSelect(string filter)
    {
        var r = ExternalCommand.Run("tshark", ["-n", "-r", PcapPath, "-Y", filter, "-T", "fields", "-e", "frame.number"], TimeSpan.FromSeconds(60));
        Assert.True(r.Succeeded, $"tshark -Y \"{filter}\" failed: {r.Error}");
        return r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The colouring rule name tshark gives each frame (empty when none).</summary>
    public string[] TsharkColoringRules()
    {
        var r = ExternalCommand.Run("tshark", ["-n", "-r", PcapPath, "--color", "-T", "fields", "-e", "frame.coloring_rule.name"], TimeSpan.FromSeconds(60));
        Assert.True(r.Succeeded, r.Error);
        return r.Output.TrimEnd('\n').Split('\n');
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private List<FilterTestPacket> ReadWithTshark()
    {
        Assert.True(ExternalCommand.IsOnPath("tshark"), "tshark is required by this test (apt-get install -y tshark; .ci/install does it).");
        var args = new List<string> { "-n", "-r", PcapPath, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|" };
        foreach (var f in Fields) { args.Add("-e"); args.Add(f); }
        var r = ExternalCommand.Run("tshark", args, TimeSpan.FromSeconds(60));
        Assert.True(r.Succeeded, r.Error);
        var packets = new List<FilterTestPacket>();
        var lines = r.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(Frames.Count, lines.Length);
        for (var n = 0; n < lines.Length; n++)
        {
            var cells = lines[n].Split('\t');
            var p = new FilterTestPacket("frame");
            for (var i = 0; i < Fields.Length; i++)
            {
                var field = Fields[i];
                var cell = i < cells.Length ? cells[i] : "";
                if (cell.Length == 0) continue;
                if (field == "frame.protocols")
                {
                    foreach (var proto in cell.Split(':')) p.Protocol(proto);
                    continue;
                }
                foreach (var v in cell.Split('|')) p.Add(field, ToValue(field, v));
            }
            p.Protocol("eth", Frames[n]);
            packets.Add(p);
        }
        return packets;
    }

    private static FieldValue ToValue(string field, string v)
    {
        if (field.StartsWith("eth.", StringComparison.Ordinal) && field != "eth.type")
            return FieldValue.FromEthernet(v.Split(':').Select(h => Convert.ToByte(h, 16)).ToArray());
        if (field.EndsWith(".src", StringComparison.Ordinal) || field.EndsWith(".dst", StringComparison.Ordinal) || field.EndsWith(".addr", StringComparison.Ordinal))
            return FieldValue.FromAddress(IPAddress.Parse(v));
        if (field.StartsWith("tcp.flags.", StringComparison.Ordinal) || field == "dns.flags.response" || field.StartsWith("tcp.analysis", StringComparison.Ordinal))
            return FieldValue.FromBoolean(v != "0", v);
        if (field == "dns.qry.name") return FieldValue.FromText(v);
        var n = v.StartsWith("0x", StringComparison.Ordinal) ? long.Parse(v[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : long.Parse(v, CultureInfo.InvariantCulture);
        return FieldValue.FromInteger(n, v);
    }

    private static List<byte[]> BuildFrames()
    {
        byte[] zero = [0, 0, 0, 0, 0, 0];
        var frames = new List<byte[]>
        {
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.2", 6, 64, Tcp(40000, 80, 0, 0, 0x02, []))),          // 1 SYN to port 80
            Eth(zero, 0x0800, Ip4("127.0.0.2", "127.0.0.1", 6, 64, Tcp(80, 40000, 0, 1, 0x12, []))),          // 2 SYN-ACK from port 80
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 64, Tcp(40002, 12800, 100, 0, 0x02, []))),     // 3 SYN
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 64, Tcp(12800, 40002, 500, 101, 0x12, []))),   // 4 SYN-ACK
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 64, Tcp(40002, 12800, 101, 501, 0x10, []))),   // 5 ACK
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 64, Tcp(40002, 12800, 101, 501, 0x18, "bonjour"u8.ToArray()))), // 6 data
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 64, Tcp(40002, 12800, 101, 501, 0x18, "bonjour"u8.ToArray()))), // 7 retransmission
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 64, Tcp(40002, 12800, 108, 501, 0x11, []))),   // 8 FIN-ACK
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 64, Tcp(40003, 12801, 0, 0, 0x14, []))),       // 9 RST-ACK
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.53", 17, 64, Udp(5353, 53, DnsQuery("cours.reseau.test")))), // 10 DNS
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 1, 64, Icmp(8, 0, [0, 1, 0, 1]))),                // 11 echo request
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 1, 64,                                             // 12 port unreachable
                Icmp(3, 3, [0, 0, 0, 0, .. Ip4("127.0.0.1", "127.0.0.1", 17, 64, Udp(40004, 9, [1, 2, 3]))]))),
            Eth([0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 0x0806, Arp()),                                          // 13 ARP who-has
            Eth([0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb], 0x0800, Ip4("127.0.0.1", "224.0.0.251", 17, 255, Udp(5353, 5353, [0]))), // 14 mDNS-like
            Eth([0x01, 0x00, 0x5e, 0x00, 0x00, 0x01], 0x0800, Ip4("127.0.0.1", "224.0.0.1", 17, 4, Udp(40005, 9, [0]))),      // 15 multicast, TTL 4
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.9", 17, 3, Udp(40006, 9, [0]))),                      // 16 TTL 3
            Eth(zero, 0x86dd, Ip6("::1", "::1", 17, 64, Udp(1000, 2000, [7]))),                                // 17 IPv6 UDP
            Eth([0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 0x88b5, [1, 2, 3, 4, 5, 6, 7, 8]),                       // 18 broadcast, local ethertype
            Eth(zero, 0x0800, Ip4("127.0.0.1", "127.0.0.1", 6, 1, Tcp(40007, 179, 0, 0, 0x02, []))),          // 19 TTL 1 to port 179 (BGP)
        };
        return frames;
    }

    private static byte[] Eth(byte[] dst, ushort type, byte[] payload)
    {
        var f = new byte[14 + payload.Length];
        dst.CopyTo(f, 0);
        BinaryPrimitives.WriteUInt16BigEndian(f.AsSpan(12), type);
        payload.CopyTo(f, 14);
        return f;
    }

    private static byte[] Ip4(string src, string dst, byte proto, byte ttl, byte[] payload)
    {
        var h = new byte[20 + payload.Length];
        h[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(2), (ushort)h.Length);
        BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(4), 1);
        h[8] = ttl;
        h[9] = proto;
        IPAddress.Parse(src).GetAddressBytes().CopyTo(h, 12);
        IPAddress.Parse(dst).GetAddressBytes().CopyTo(h, 16);
        BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(10), Checksum(h.AsSpan(0, 20)));
        payload.CopyTo(h, 20);
        return h;
    }

    private static byte[] Ip6(string src, string dst, byte next, byte hlim, byte[] payload)
    {
        var h = new byte[40 + payload.Length];
        h[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(4), (ushort)payload.Length);
        h[6] = next;
        h[7] = hlim;
        IPAddress.Parse(src).GetAddressBytes().CopyTo(h, 8);
        IPAddress.Parse(dst).GetAddressBytes().CopyTo(h, 24);
        payload.CopyTo(h, 40);
        return h;
    }

    private static byte[] Tcp(ushort sport, ushort dport, uint seq, uint ack, byte flags, byte[] payload)
    {
        var t = new byte[20 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(t, sport);
        BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(2), dport);
        BinaryPrimitives.WriteUInt32BigEndian(t.AsSpan(4), seq);
        BinaryPrimitives.WriteUInt32BigEndian(t.AsSpan(8), ack);
        t[12] = 5 << 4;
        t[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(14), 65535);
        payload.CopyTo(t, 20);
        return t;
    }

    private static byte[] Udp(ushort sport, ushort dport, byte[] payload)
    {
        var u = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(u, sport);
        BinaryPrimitives.WriteUInt16BigEndian(u.AsSpan(2), dport);
        BinaryPrimitives.WriteUInt16BigEndian(u.AsSpan(4), (ushort)u.Length);
        payload.CopyTo(u, 8);
        return u;
    }

    private static byte[] Icmp(byte type, byte code, byte[] rest)
    {
        var m = new byte[4 + rest.Length];
        m[0] = type;
        m[1] = code;
        rest.CopyTo(m, 4);
        BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(2), Checksum(m));
        return m;
    }

    private static byte[] Arp()
    {
        var a = new byte[28];
        BinaryPrimitives.WriteUInt16BigEndian(a, 1);
        BinaryPrimitives.WriteUInt16BigEndian(a.AsSpan(2), 0x0800);
        a[4] = 6;
        a[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(a.AsSpan(6), 1);
        IPAddress.Parse("127.0.0.1").GetAddressBytes().CopyTo(a, 14);
        IPAddress.Parse("127.0.0.2").GetAddressBytes().CopyTo(a, 24);
        return a;
    }

    private static byte[] DnsQuery(string name)
    {
        var b = new List<byte> { 0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            b.Add((byte)label.Length);
            b.AddRange(Encoding.ASCII.GetBytes(label));
        }
        b.AddRange([0, 0, 1, 0, 1]);
        return [.. b];
    }

    private static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        if (data.Length % 2 == 1) sum += (uint)data[^1] << 8;
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }
}
