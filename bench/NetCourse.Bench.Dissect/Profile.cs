using System.Diagnostics;
using System.Globalization;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Bench.Dissect;

/// <summary>Splits the in-process CPU time into reading, dissecting, field text and colouring, three rounds each (the first includes JIT).</summary>
internal static class Profile
{
    private static readonly string[] Fields = ["frame.number", "frame.time_relative", "frame.len", "frame.cap_len", "eth.src", "eth.dst", "eth.type",
        "ip.src", "ip.dst", "ip.ttl", "ip.proto", "ip.len", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport",
        "tcp.stream", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len", "udp.srcport", "udp.dstport", "udp.length",
        "icmp.type", "icmp.code", "arp.opcode", "dns.qry.name", "dns.flags.response", "http.request.method",
        "http.request.uri", "http.response.code", "tcp.analysis.flags", "tcp.analysis.retransmission",
        "tcp.analysis.duplicate_ack", "tcp.analysis.zero_window", "tcp.analysis.out_of_order"];

    public static void Run(string path)
    {
        var rules = ColoringRules.Default;
        var wanted = Fields.Concat(rules.Rules.Where(r => r.Filter is not null).SelectMany(r => r.Filter!.Fields)).ToList();
        for (var round = 1; round <= 3; round++)
        {
            Console.WriteLine($"tour {round}");
            Measure("lecture seule", () => CaptureFileReader.ReadRaw(path).Count());
            Measure("lecture + dissection (champs choisis)", () => CaptureFileDissector.Read(path, wanted).Count());
            Measure("lecture + dissection (tous les champs)", () => CaptureFileDissector.Read(path).Count());
            Measure("+ 37 champs en texte", () =>
            {
                var n = 0;
                foreach (var p in CaptureFileDissector.Read(path, wanted))
                {
                    foreach (var f in Fields)
                        _ = p.FieldText(f);
                    n++;
                }
                return n;
            });
            Measure("+ règle de couleur seule", () =>
            {
                var n = 0;
                foreach (var p in CaptureFileDissector.Read(path, wanted))
                {
                    _ = rules.Match(p);
                    n++;
                }
                return n;
            });
        }
    }

    private static void Measure(string what, Func<int> action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes();
        var n = action();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-40} {sw.Elapsed.TotalSeconds,6:0.00} s mur {(process.TotalProcessorTime - cpu).TotalSeconds,6:0.00} s CPU {(GC.GetTotalAllocatedBytes() - allocated) / n,6} o/paquet"));
    }
}
