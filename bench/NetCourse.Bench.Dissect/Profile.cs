using System.Diagnostics;
using System.Globalization;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Bench.Dissect;

/// <summary>Splits the in-process CPU time into reading, dissecting, field text and colouring, three rounds each (the first includes JIT).</summary>
internal static class Profile
{
    private static readonly string[] Fields = [.. BenchFields.All.Where(f => f != "frame.coloring_rule.name")];

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
            Measure($"+ {Fields.Length} champs en texte", () =>
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
            Measure($"+ {BenchFields.All.Length} colonnes écrites (comme dissect)", () =>
            {
                var n = 0;
                var rows = new FieldRowWriter(BenchFields.All);
                using var sink = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false), 1 << 16);
                foreach (var p in CaptureFileDissector.Read(path, wanted))
                {
                    rows.Write(p, sink, rules.Match(p)?.Name);
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
