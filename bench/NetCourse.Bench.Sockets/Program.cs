// Loopback benchmarks of the course's sockets (issue 6), each against the tool a user would pick instead, measured
// in the same run and alternating: throughput of ThroughputDemo vs `iperf3 -c 127.0.0.1`, echo round trips of the
// course's EchoServer vs a Python echo server. Prints a Markdown table (and writes it with --out FILE).
// Usage: dotnet run -c Release --project bench/NetCourse.Bench.Sockets -- [--runs 5] [--seconds 2] [--round-trips 2000] [--out FILE]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NetCourse.Ports;
using NetCourse.Sockets;

var runs = IntOption("--runs", 5, 1, 50);
var seconds = IntOption("--seconds", 2, 1, 10);
var roundTrips = IntOption("--round-trips", 2000, 100, 100_000);
var outIndex = Array.IndexOf(args, "--out");
var outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
foreach (var tool in new[] { "iperf3", "python3" })
{
    if (!File.Exists($"/usr/bin/{tool}"))
    {
        Console.Error.WriteLine($"bench sockets : {tool} introuvable (/usr/bin/{tool}) : apt-get install -y {(tool == "python3" ? "python3" : "iperf3")}");
        return 1;
    }
}

var inv = CultureInfo.InvariantCulture;
var course = new List<double>();
var iperf = new List<double>();
for (var run = 0; run < runs; run++)
{
    // Alternate which goes first, so that a slower moment of the shared machine does not always hit the same side.
    if (run % 2 == 0) { course.Add(await CourseThroughput()); iperf.Add(await IperfThroughput()); }
    else { iperf.Add(await IperfThroughput()); course.Add(await CourseThroughput()); }
    Console.Error.WriteLine(string.Create(inv, $"run {run + 1}/{runs}: course {course[^1]:0.00} Gbit/s, iperf3 {iperf[^1]:0.00} Gbit/s"));
}

var csharpToCourse = new List<double>();
var pythonToCourse = new List<double>();
var pythonToPython = new List<double>();
for (var run = 0; run < runs; run++)
{
    await using (var echo = await EchoServer.StartAsync(0))
    {
        csharpToCourse.Add(await CSharpRoundTrip(echo.Port));
        pythonToCourse.Add(await PythonClientRoundTrip(echo.Port));
    }
    pythonToPython.Add(await PythonEchoBaseline());
    Console.Error.WriteLine(string.Create(inv, $"echo run {run + 1}/{runs}: C#→course {csharpToCourse[^1]:0.0} µs, Python→course {pythonToCourse[^1]:0.0} µs, Python→Python {pythonToPython[^1]:0.0} µs"));
}

var table = new StringBuilder();
table.AppendLine("### Sockets on the loopback (`bench/NetCourse.Bench.Sockets`)").AppendLine();
table.AppendLine(string.Create(inv, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()} at the end; medians over {runs} runs."))
    .AppendLine();
table.AppendLine("| measure | course | reference tool | ratio (course / tool) | target |");
table.AppendLine("|---|---|---|---|---|");
table.AppendLine(string.Create(inv,
    $"| TCP throughput, 1 stream, 128 KiB writes, {seconds} s | {Median(course):0.00} Gbit/s (`ThroughputDemo`) | {Median(iperf):0.00} Gbit/s (`iperf3 -c 127.0.0.1 -t {seconds}`) | **{Median(course) / Median(iperf):0.00}×** | ≥ 0.9× |"));
table.AppendLine(string.Create(inv,
    $"| echo round trip, 32 B, TCP_NODELAY, {roundTrips} trips (median), same Python client | {Median(pythonToCourse):0.0} µs (`EchoServer`) | {Median(pythonToPython):0.0} µs (Python echo server) | {Median(pythonToCourse) / Median(pythonToPython):0.00}× (lower is faster) | reported |"));
table.AppendLine(string.Create(inv,
    $"| echo round trip, 32 B, C# client → `EchoServer` | {Median(csharpToCourse):0.0} µs | {Median(pythonToPython):0.0} µs (Python client → Python server) | {Median(csharpToCourse) / Median(pythonToPython):0.00}× | reported |"));
table.AppendLine();
var paired = course.Zip(iperf, (c, i) => c / i).ToArray();
table.AppendLine(string.Create(inv, $"Per run (Gbit/s) — course: {string.Join(", ", course.Select(v => v.ToString("0.00", inv)))}; iperf3: {string.Join(", ", iperf.Select(v => v.ToString("0.00", inv)))}."));
table.AppendLine(string.Create(inv, $"Ratio run by run (each pair measured back to back): median {Median(paired):0.00}×, from {paired.Min():0.00}× to {paired.Max():0.00}×. On a shared, loaded machine single runs swing widely; compare medians."));
Console.WriteLine(table);
if (outPath is not null) await File.WriteAllTextAsync(outPath, table.ToString());
return 0;

int IntOption(string name, int fallback, int min, int max)
{
    var i = Array.IndexOf(args, name);
    if (i < 0) return fallback;
    if (i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
    Console.Error.WriteLine($"bench sockets : {name} attend un entier entre {min} et {max}.");
    Environment.Exit(1);
    return fallback;
}

async Task<double> CourseThroughput()
{
    var result = await ThroughputDemo.RunAsync(maxBytes: 64_000_000_000, maxTime: TimeSpan.FromSeconds(seconds), bufferBytes: 128 * 1024);
    return result.GigabitsPerSecond;
}

async Task<double> IperfThroughput()
{
    var port = FreePort.Tcp();
    using var server = Process.Start(new ProcessStartInfo("iperf3", ["-s", "-1", "-B", "127.0.0.1", "-p", port.ToString(inv)])
    { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
    try
    {
        var watch = Stopwatch.StartNew();
        while (ProcNet.FindListener(port) is null)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(5)) throw new TimeoutException("iperf3 -s n'écoute pas");
            await Task.Delay(20);
        }
        var client = await Run("iperf3", ["-c", "127.0.0.1", "-p", port.ToString(inv), "-t", seconds.ToString(inv), "-J"], TimeSpan.FromSeconds(seconds + 15));
        using var json = JsonDocument.Parse(client);
        return json.RootElement.GetProperty("end").GetProperty("sum_received").GetProperty("bits_per_second").GetDouble() / 1e9;
    }
    finally
    {
        if (!server.WaitForExit(5000)) server.Kill();
    }
}

async Task<double> CSharpRoundTrip(int port)
{
    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
    await socket.ConnectAsync(IPAddress.Loopback, port, bound.Token);
    var message = new byte[32];
    var reply = new byte[32];
    var times = new List<double>();
    for (var i = 0; i < roundTrips + 100; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await socket.SendAsync(message, SocketFlags.None, bound.Token);
        for (var got = 0; got < 32;)
        {
            var n = await socket.ReceiveAsync(reply.AsMemory(got), SocketFlags.None, bound.Token);
            if (n == 0) throw new IOException("écho fermé");
            got += n;
        }
        if (i >= 100) times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }
    return Median(times);
}

async Task<double> PythonClientRoundTrip(int port)
{
    const string ClientScript = """
        import socket, sys, time, statistics
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), 5)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.settimeout(5)
        m = b"x" * 32
        times = []
        for i in range(int(sys.argv[2]) + 100):
            t = time.perf_counter()
            s.sendall(m)
            got = b""
            while len(got) < 32:
                chunk = s.recv(32 - len(got))
                if not chunk: raise SystemExit("closed")
                got += chunk
            if i >= 100: times.append((time.perf_counter() - t) * 1e6)
        print(statistics.median(times))
        """;
    var output = await Run("/usr/bin/python3", ["-c", ClientScript, port.ToString(inv), roundTrips.ToString(inv)], TimeSpan.FromSeconds(60));
    return double.Parse(output.Trim(), inv);
}

async Task<double> PythonEchoBaseline()
{
    const string ServerScript = """
        import socket
        l = socket.socket(); l.bind(("127.0.0.1", 0)); l.listen(1); l.settimeout(30)
        print(l.getsockname()[1], flush=True)
        c, _ = l.accept(); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1); c.settimeout(30)
        while True:
            d = c.recv(65536)
            if not d: break
            c.sendall(d)
        """;
    using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", ServerScript])
    { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
    try
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return await PythonClientRoundTrip(int.Parse(line!, inv));
    }
    finally
    {
        if (!process.WaitForExit(5000)) process.Kill();
    }
}

async Task<string> Run(string program, string[] arguments, TimeSpan timeout)
{
    using var process = Process.Start(new ProcessStartInfo(program, arguments)
    { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    using var bound = new CancellationTokenSource(timeout);
    try { await process.WaitForExitAsync(bound.Token); }
    catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{program} : plus de {timeout.TotalSeconds} s"); }
    if (process.ExitCode != 0) throw new InvalidOperationException($"{program} a échoué ({process.ExitCode}) : {await error}");
    return await output;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage()
{
    try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
    catch (IOException) { return "?"; }
}
