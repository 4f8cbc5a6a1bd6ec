using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Addressing;

/// <summary>Runs the real `netcourse serve dns` process and queries it with the real `dig`.</summary>
public class DnsServeCliTests
{
    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private sealed class CliProcess : IDisposable
    {
        private readonly StringBuilder _out = new();
        private readonly Lock _gate = new();

        public CliProcess(params string[] args)
        {
            // The same launch as the other CLI tests: SIGINT at its default disposition, as at a terminal.
            Process = Process.Start(CliServer.StartInfo(args))!;
            Process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _out.AppendLine(e.Data); };
            Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _out.AppendLine(e.Data); };
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output { get { lock (_gate) return _out.ToString(); } }

        public async Task<bool> WaitForAsync(string text, TimeSpan limit)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < limit)
            {
                if (Output.Contains(text, StringComparison.Ordinal)) return true;
                if (Process.HasExited) return Output.Contains(text, StringComparison.Ordinal);
                await Task.Delay(50);
            }
            return false;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(5000);
            }
            Process.Dispose();
        }
    }

    private static async Task<string> DigAsync(int port, params string[] args)
    {
        var start = new ProcessStartInfo("dig") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+time=2", "+tries=1" }.Concat(args))
            start.ArgumentList.Add(a);
        using var dig = Process.Start(start)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var output = await dig.StandardOutput.ReadToEndAsync(cts.Token);
        await dig.WaitForExitAsync(cts.Token);
        return output;
    }

    [Fact]
    public async Task Dig_gets_the_course_answers_and_ctrl_c_stops_the_server_cleanly()
    {
        var port = FreeUdpPort();
        using var cli = new CliProcess("serve", "dns", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seconds", "60");
        Assert.True(await cli.WaitForAsync("en écoute", TimeSpan.FromSeconds(30)), cli.Output);

        var a = await DigAsync(port, "serveur.netcourse.test");
        Assert.Contains("status: NOERROR", a, StringComparison.Ordinal);
        Assert.Matches(@"serveur\.netcourse\.test\.\s+60\s+IN\s+A\s+127\.0\.0\.10", a);
        Assert.Contains("flags: qr aa", a, StringComparison.Ordinal);

        var aaaa = await DigAsync(port, "+short", "web.netcourse.test", "AAAA");
        Assert.Equal("::1", aaaa.Trim());

        var nx = await DigAsync(port, "inconnu.netcourse.test");
        Assert.Contains("status: NXDOMAIN", nx, StringComparison.Ordinal);

        // Ctrl-C (SIGINT) stops it cleanly with exit code 0.
        using (var kill = Process.Start("kill", ["-INT", cli.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // ends a hung test only
        await cli.Process.WaitForExitAsync(cts.Token);
        Assert.Equal(0, cli.Process.ExitCode);
        Assert.Contains("Arrêt : 3 réponse(s)", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_gives_a_one_line_error_and_a_non_zero_exit()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        using var cli = new CliProcess("serve", "dns", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await cli.Process.WaitForExitAsync(cts.Token);
        Assert.NotEqual(0, cli.Process.ExitCode);
        Assert.Contains("déjà utilisé", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_port_is_refused()
    {
        using var cli = new CliProcess("serve", "dns", "--port", "70000");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await cli.Process.WaitForExitAsync(cts.Token);
        Assert.NotEqual(0, cli.Process.ExitCode);
        Assert.Contains("invalide", cli.Output, StringComparison.Ordinal);
    }
}
