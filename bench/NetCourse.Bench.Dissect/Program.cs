using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using NetCourse.Bench.Dissect;
using NetCourse.Dissection;

// Dissection benchmark (not a test): netcourse dissect vs tshark -T fields on the same synthetic capture, then
// streaming memory on a 1 000 000-packet file. Usage: NetCourse.Bench.Dissect NETCOURSE_CLI [packets] [streamPackets];
// --write FILE N writes the synthetic capture only; --profile FILE splits the in-process time.
if (args.Length == 3 && args[0] == "--write")
{
    SyntheticCapture.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}
if (args.Length == 2 && args[0] == "--profile")
{
    Profile.Run(args[1]);
    return 0;
}
if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage : NetCourse.Bench.Dissect CHEMIN/NetCourse.Cli [paquets=200000] [paquets-flux=1000000]");
    return 2;
}
var cli = Path.GetFullPath(args[0]);
var packets = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
var streamPackets = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
var fields = BenchFields.All;
var work = Directory.CreateTempSubdirectory("netcourse-bench-").FullName;
try
{
    var file = Path.Combine(work, "bench.pcap");
    var sw = Stopwatch.StartNew();
    SyntheticCapture.Write(file, packets);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"capture : {packets} paquets, {new FileInfo(file).Length / 1e6:0.0} Mo, écrite en {sw.Elapsed.TotalSeconds:0.0} s ({file})"));
    _ = File.ReadAllBytes(file); // page cache warm for both tools

    var fieldArgs = fields.SelectMany(f => new[] { "-e", f }).ToArray();
    // Five runs of each tool, alternated, so that a burst of load on a shared machine does not decide the ratio:
    // the medians are compared, and every run is printed.
    var oursRuns = new List<(double Seconds, double Cpu, double PeakMb, int Exit)>();
    var theirRuns = new List<(double Seconds, double Cpu, double PeakMb, int Exit)>();
    for (var run = 0; run < Runs; run++)
    {
        oursRuns.Add(Timed(cli, ["dissect", file, .. fieldArgs], Path.Combine(work, "netcourse.txt")));
        theirRuns.Add(Timed("tshark", ["-n", "-r", file, "--color", "-T", "fields", .. fieldArgs], Path.Combine(work, "tshark.txt")));
    }
    var ours = Median(oursRuns);
    var theirs = Median(theirRuns);
    var same = Hash(Path.Combine(work, "netcourse.txt")) == Hash(Path.Combine(work, "tshark.txt"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"netcourse dissect : {ours.Seconds:0.00} s (mur), {ours.Cpu:0.00} s CPU, pic mémoire {ours.PeakMb:0} Mo, code {ours.Exit} (médianes de {Runs} passages : {Walls(oursRuns)})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tshark -T fields  : {theirs.Seconds:0.00} s (mur), {theirs.Cpu:0.00} s CPU, pic mémoire {theirs.PeakMb:0} Mo, code {theirs.Exit} (médianes de {Runs} passages : {Walls(theirRuns)})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rapport : {theirs.Seconds / ours.Seconds:0.0}× plus rapide que tshark en temps mur, {theirs.Cpu / ours.Cpu:0.0}× en temps CPU ({fields.Length} champs dont la règle de couleur) ; sorties identiques : {(same ? "oui" : "NON")}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rapport passage par passage (mur) : {string.Join(" ; ", oursRuns.Zip(theirRuns, (o, t) => $"{t.Seconds / o.Seconds:0.0}×"))}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine : {Environment.ProcessorCount} cœurs, charge moyenne {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    var (oursTls, oursReassembled, oursTls13) = BenchFields.Count(Path.Combine(work, "netcourse.txt"));
    var (theirTls, theirReassembled, theirTls13) = BenchFields.Count(Path.Combine(work, "tshark.txt"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contenu : paquets avec un enregistrement TLS {oursTls} (tshark {theirTls}), dont Server Hello TLS 1.3 {oursTls13} (tshark {theirTls13}) ; datagrammes réassemblés (couche transport sur un fragment non initial) {oursReassembled} (tshark {theirReassembled})"));
    if (!same)
        Console.WriteLine("  (comparez " + Path.Combine(work, "netcourse.txt") + " et tshark.txt : les fichiers sont gardés)");
    File.Delete(file);

    // Memory flat: the same streaming run on a tenth of the packets, then on all of them (peak RSS of each process).
    var tenth = Path.Combine(work, "stream-tenth.pcap");
    SyntheticCapture.Write(tenth, streamPackets / 10);
    var small = Timed(cli, ["dissect", tenth, .. fieldArgs], "/dev/null");
    File.Delete(tenth);
    var big = Path.Combine(work, "stream.pcap");
    sw.Restart();
    SyntheticCapture.Write(big, streamPackets);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"capture : {streamPackets} paquets, {new FileInfo(big).Length / 1e6:0.0} Mo, écrite en {sw.Elapsed.TotalSeconds:0.0} s"));
    var streamed = Timed(cli, ["dissect", big, .. fieldArgs], "/dev/null");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"netcourse dissect en flux : {streamed.Seconds:0.00} s (mur), {streamed.Cpu:0.00} s CPU, pic mémoire {streamed.PeakMb:0} Mo ({streamPackets / 10} paquets en flux : {small.PeakMb:0} Mo en {small.Seconds:0.00} s ; {packets} paquets vers un fichier : {ours.PeakMb:0} Mo)"));
    // The same file through tshark: with five times the packets, the start-up (JIT) weighs less in the ratio.
    var streamedTshark = Timed("tshark", ["-n", "-r", big, "--color", "-T", "fields", .. fieldArgs], "/dev/null");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tshark en flux : {streamedTshark.Seconds:0.00} s (mur), {streamedTshark.Cpu:0.00} s CPU, pic mémoire {streamedTshark.PeakMb:0} Mo ; rapport sur {streamPackets} paquets : {streamedTshark.Seconds / streamed.Seconds:0.0}× en temps mur, {streamedTshark.Cpu / streamed.Cpu:0.0}× en temps CPU"));

    // In-process: the heap after each 100 000 packets stays level when nothing keeps the packets.
    Console.Write("tas géré tous les 100 000 paquets (Mo) :");
    long count = 0;
    foreach (var packet in CaptureFileDissector.Read(big))
    {
        _ = packet.FieldText("tcp.seq");
        if (++count % 100_000 == 0)
            Console.Write(string.Create(CultureInfo.InvariantCulture, $" {GC.GetTotalMemory(false) / 1e6:0}"));
    }
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pic de l'ensemble de travail du banc : {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} Mo pour {count} paquets"));
    if (same)
        Directory.Delete(work, recursive: true);
    return same ? 0 : 1;
}
catch
{
    Directory.Delete(work, recursive: true);
    throw;
}

static (double Seconds, double Cpu, double PeakMb, int Exit) Timed(string program, string[] arguments, string output)
{
    var start = new ProcessStartInfo("/usr/bin/time") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var a in (string[])["-f", "BENCH %e %U %S %M", program, .. arguments])
        start.ArgumentList.Add(a);
    using var process = Process.Start(start)!;
    using var sink = File.Create(output);
    var copy = process.StandardOutput.BaseStream.CopyToAsync(sink);
    var errors = process.StandardError.ReadToEndAsync();
    if (!process.WaitForExit(600_000))
    {
        process.Kill(entireProcessTree: true);
        throw new TimeoutException(program + " : plus de 10 minutes");
    }
    copy.Wait();
    var line = errors.Result.Split('\n').Last(l => l.StartsWith("BENCH ", StringComparison.Ordinal)).Split(' ');
    double D(int i) => double.Parse(line[i], CultureInfo.InvariantCulture);
    return (D(1), D(2) + D(3), D(4) / 1024, process.ExitCode);
}

static (double Seconds, double Cpu, double PeakMb, int Exit) Median(List<(double Seconds, double Cpu, double PeakMb, int Exit)> runs)
{
    static double Mid(IEnumerable<double> values) => values.Order().ElementAt(Runs / 2);
    return (Mid(runs.Select(r => r.Seconds)), Mid(runs.Select(r => r.Cpu)), Mid(runs.Select(r => r.PeakMb)), runs.Max(r => r.Exit));
}

static string Walls(List<(double Seconds, double Cpu, double PeakMb, int Exit)> runs) =>
    string.Join(", ", runs.Select(r => r.Seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"));

static string Hash(string path)
{
    using var stream = File.OpenRead(path);
    return Convert.ToHexString(SHA256.HashData(stream));
}

/// <summary>The bench's constants.</summary>
internal sealed partial class Program
{
    /// <summary>
    /// Runs of each tool on the 200 000-packet capture (odd: the median is one of them). Five, not three: netcourse
    /// runs for about 1.5 s, so one burst of load on a shared machine moves its time far more than tshark's 8 s.
    /// </summary>
    private const int Runs = 5;
}
