using System.Diagnostics;
using System.Globalization;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Bench.Dissect;

/// <summary>Splits the dissection time into reading, dissecting, field text and colouring (in-process).</summary>
internal static class Profile
{
    public static void Run(string path)
    {
        string[] fields = ["frame.number", "frame.time_relative", "frame.len", "frame.cap_len", "eth.src", "eth.dst", "eth.type",
            "ip.src", "ip.dst", "ip.ttl", "ip.proto", "ip.len", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport",
            "tcp.stream", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len", "udp.srcport", "udp.dstport", "udp.length",
            "icmp.type", "icmp.code", "arp.opcode", "dns.qry.name", "dns.flags.response", "http.request.method",
            "http.request.uri", "http.response.code", "tcp.analysis.flags", "tcp.analysis.retransmission",
            "tcp.analysis.duplicate_ack", "tcp.analysis.zero_window", "tcp.analysis.out_of_order"];
        var frames = CaptureFileReader.ReadRaw(path).Take(50_000).ToList();
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var t = Stopwatch.StartNew();
            var d = new PacketDissector();
            foreach (var f in frames)
                d.Dissect(f.Data, f.LinkType, f.Timestamp, f.OriginalLength);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dissection en mémoire : {t.Elapsed.TotalMilliseconds * 1000 / frames.Count:0.0} µs/paquet, {(GC.GetAllocatedBytesForCurrentThread() - before) / frames.Count} octets alloués/paquet"));
        }
        var sw = Stopwatch.StartNew();
        var n = CaptureFileReader.ReadRaw(path).Count();
        Report("lecture seule", sw, n);
        sw.Restart();
        n = CaptureFileReader.Read(path).Count();
        Report("lecture + dissection", sw, n);
        sw.Restart();
        long chars = 0;
        foreach (var p in CaptureFileReader.Read(path))
            foreach (var f in fields)
                chars += p.FieldText(f).Length;
        Report("+ 37 champs en texte", sw, n);
        sw.Restart();
        var rules = ColoringRules.Default;
        foreach (var p in CaptureFileReader.Read(path))
            chars += rules.Match(p)?.Name.Length ?? 0;
        Report("dissection + règle de couleur", sw, n);
        _ = chars;
    }

    private static void Report(string what, Stopwatch sw, int n) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-32} {sw.Elapsed.TotalSeconds,6:0.00} s ({n / sw.Elapsed.TotalSeconds:0} paquets/s)"));
}
