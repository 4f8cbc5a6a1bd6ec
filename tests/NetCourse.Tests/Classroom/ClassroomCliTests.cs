using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Classroom;

/// <summary>`netcourse classroom` as a real process: nc students, Ctrl-C's summary, one French line for bad input.</summary>
public partial class ClassroomCliTests
{
    [Fact]
    public async Task Netcat_students_talk_and_ctrl_c_says_how_many_students_and_messages()
    {
        using var process = Process.Start(CliServer.StartInfo("classroom", "--port", "0", "--http-port", "0"))!;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? "";
            var second = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5)) ?? "";
            var port = Port().Match(first).Groups[1].Value;
            Assert.Matches(@"Tableau de bord : http://127\.0\.0\.1:\d+/", second);
            var dashboard = Regex.Match(second, @"http://\S+/").Value;
            // The listener is a student at a keyboard: its input stays open until it has read the other's message
            // (an end of input ends the session), whatever the machine's load.
            using var listener = Process.Start(new ProcessStartInfo("nc", ["-w", "60", "127.0.0.1", port])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            try
            {
                await listener.StandardInput.WriteLineAsync("ecouteur");
                await listener.StandardInput.FlushAsync();
                // The listener must be in the class before the other speaks: the dashboard says when.
                var joined = false;
                for (var watch = Stopwatch.StartNew(); !joined && watch.Elapsed < TimeSpan.FromSeconds(60);)
                {
                    joined = (await ProcessRun.RunAsync("curl", ["-s", "--max-time", "5", dashboard + "tableau"]))
                        .Output.Contains(">ecouteur<", StringComparison.Ordinal);
                    if (!joined) await Task.Delay(100);
                }
                Assert.True(joined, "l'écouteur n'apparaît pas dans le tableau de bord");
                var speaker = await ProcessRun.RunAsync("nc", ["-q", "1", "-w", "10", "127.0.0.1", port], "parleur\nbonjour depuis nc\n",
                    timeout: TimeSpan.FromSeconds(60));
                Assert.Contains("Bienvenue parleur", speaker.Output);
                var heard = new List<string>();
                while (!heard.Contains("parleur : bonjour depuis nc"))
                    heard.Add(await listener.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
                        ?? throw new IOException("l'écouteur n'a pas reçu le message : " + string.Join(" | ", heard)));
            }
            finally
            {
                listener.StandardInput.Close();
                if (!listener.WaitForExit(10_000)) listener.Kill();
            }

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120)); // ends a hung test only
            await process.WaitForExitAsync(bound.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Classe fermée : 2 élève(s), 1 message(s).", await process.StandardOutput.ReadToEndAsync());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData("--listen", "salle-info", "n'est pas une adresse IP")]
    [InlineData("--listen", "0.0.0.0", "toutes les interfaces")]
    [InlineData("--listen", "203.0.113.7", "n'est l'adresse d'aucune interface")]
    [InlineData("--port", "70000", "port « 70000 » invalide")]
    public async Task Bad_input_gets_one_french_line(string option, string value, string expected)
    {
        var run = await ProcessRun.RunAsync("dotnet", [CliServer.CliDll, "classroom", option, value, "--http-port", "0"], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [GeneratedRegex(@"Discussion : 127\.0\.0\.1:(\d+)")]
    private static partial Regex Port();
}
