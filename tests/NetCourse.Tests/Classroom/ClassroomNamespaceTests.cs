using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetCourse.Tests.Sockets;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace NetCourse.Tests.Classroom;

/// <summary>
/// The class for real, on a LAN built of network namespaces (root): `netcourse classroom --listen 198.19.50.1` in the
/// instructor's namespace, 30 students (the Python client) each in their own namespace on the bridge « salle », and a
/// hostile student. Everyone must receive everyone's messages while the intruder sends an HTML/script name, a 2 MB
/// line, 3 000 lines as fast as it can and a silent connection; the dashboard, fetched by curl and opened in headless
/// Chromium from a student's namespace, must list every student, escaped. Every wait is bounded.
/// </summary>
[Collection(SerialCollection.Name)]
public class ClassroomNamespaceTests(ITestOutputHelper output)
{
    private const int Students = 30;
    private const int Messages = 50;
    private const string Interval = "0.1";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private static readonly string[] IntruderModes = ["html", "huge", "flood", "silent"];

    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Classroom", name);

    private static async Task<string> LineAsync(Process process, string what)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Bound);
        return line ?? throw new InvalidOperationException($"{what} s'est arrêté sans répondre : {await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5))}");
    }

    private static string Count(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Thirty_students_on_a_LAN_all_hear_each_other_and_a_hostile_student_harms_nobody()
    {
        Requires.Root("construire la salle de classe (espaces de noms réseau)");
        Requires.Tool("python3", "python3");
        Requires.Tool("curl", "curl");
        Requires.Chromium("ouvrir le tableau de bord comme un élève");
        var hosts = Enumerable.Range(1, Students).Select(i => ($"e{i:00}", 10 + i)).Append(("intrus", 200)).ToArray();
        var processes = new List<Process>();
        var watch = Stopwatch.StartNew();
        using var room = SchoolRoom.Build(hosts);
        output.WriteLine($"salle : {room.Namespaces.Count} espaces de noms en {watch.Elapsed.TotalSeconds:0.0} s");
        try
        {
            // SIGINT at its default disposition, as at a terminal, even when the suite runs in the background (see CliServer).
            var server = SchoolRoom.Start(room.Instructor, "env", "--default-signal=INT", "dotnet", CliServer.CliDll,
                "classroom", "--listen", SchoolRoom.InstructorAddress);
            processes.Add(server);
            var opened = await LineAsync(server, "netcourse classroom");
            Assert.Contains($"Discussion : {SchoolRoom.InstructorAddress}:12800", opened);
            Assert.Contains($"http://{SchoolRoom.InstructorAddress}:8080/", await LineAsync(server, "netcourse classroom"));

            var students = Enumerable.Range(1, Students).Select(i => SchoolRoom.Start(room.Host($"e{i:00}"), "python3", "-u",
                Script("classroom_student.py"), SchoolRoom.InstructorAddress, "12800", $"eleve{i:00}", Messages.ToString(CultureInfo.InvariantCulture), Interval,
                Students.ToString(CultureInfo.InvariantCulture))).ToArray();
            processes.AddRange(students);
            foreach (var (student, i) in students.Select((s, i) => (s, i + 1)))
                Assert.Equal("PRET", await LineAsync(student, $"eleve{i:00}"));
            output.WriteLine($"30 élèves connectés à {watch.Elapsed.TotalSeconds:0.0} s");

            var intruders = IntruderModes.ToDictionary(mode => mode, mode =>
                SchoolRoom.Start(room.Host("intrus"), "python3", "-u", Script("classroom_intruder.py"), SchoolRoom.InstructorAddress, "12800", mode));
            processes.AddRange(intruders.Values);
            foreach (var (mode, intruder) in intruders) Assert.Equal("PRET", await LineAsync(intruder, mode));
            foreach (var p in students.Concat(intruders.Values)) await p.StandardInput.WriteLineAsync("go");

            var results = new List<JsonElement>();
            foreach (var student in students) results.Add(JsonDocument.Parse(await LineAsync(student, "un élève")).RootElement);
            var hostile = new Dictionary<string, JsonElement>();
            foreach (var (mode, process) in intruders) hostile[mode] = JsonDocument.Parse(await LineAsync(process, mode)).RootElement;

            // Everyone received everyone's messages, once.
            var latencies = results.SelectMany(r => r.GetProperty("latencies").EnumerateArray().Select(l => l.GetDouble())).Order().ToArray();
            var received = results.Sum(r => r.GetProperty("received").GetInt32());
            var expected = Students * (Students - 1) * Messages;
            var median = latencies[latencies.Length / 2];
            var p99 = latencies[(int)(latencies.Length * 0.99)];
            output.WriteLine($"{Students} élèves × {Messages} messages : {received}/{expected} remis ({100.0 * received / expected:0.00} %), "
                + $"latence médiane {Count(median)} ms, 99e centile {Count(p99)} ms, max {Count(latencies[^1])} ms");
            foreach (var r in results)
            {
                Assert.Equal((Students - 1) * Messages, r.GetProperty("received").GetInt32());
                Assert.Equal(0, r.GetProperty("duplicates").GetInt32());
            }
            Assert.True(median < 500, $"latence médiane {median} ms");

            // What each hostile behaviour got, and what reached the students.
            int Reached(string sender) => results.Max(r => r.GetProperty("others").TryGetProperty(sender, out var n) ? n.GetInt32() : 0);
            foreach (var (mode, r) in hostile) output.WriteLine($"intrus {mode} : {r}");
            output.WriteLine($"reçu par chaque élève : inondeur {Reached("inondeur")} ligne(s) sur 3000, gros {Reached("gros")}, "
                + $"nom HTML {Reached("<img src=x onerror=alert(1)>")}");
            Assert.Contains(hostile["flood"].GetProperty("notices").EnumerateArray(), n => n.GetString()!.Contains("déconnexion", StringComparison.Ordinal));
            Assert.True(hostile["flood"].GetProperty("closed").GetBoolean());
            Assert.InRange(Reached("inondeur"), 1, 60);
            Assert.Contains(hostile["huge"].GetProperty("notices").EnumerateArray(), n => n.GetString()!.Contains("coupée à 1024 octets", StringComparison.Ordinal));
            Assert.False(hostile["huge"].GetProperty("closed").GetBoolean());
            Assert.Equal(2, Reached("gros")); // the cut line, then the next one
            Assert.True(hostile["silent"].GetProperty("closed").GetBoolean());
            Assert.InRange(hostile["silent"].GetProperty("seconds").GetDouble(), 9, 25);
            Assert.Equal(1, Reached("<img src=x onerror=alert(1)>"));

            // The dashboard, from a student's machine: curl, then a real browser (the namespace has no other route).
            await intruders["html"].StandardInput.WriteLineAsync("encore");
            await Task.Delay(500);
            var curl = SchoolRoom.Start(room.Host("e01"), "curl", "-s", "--max-time", "10", $"http://{SchoolRoom.InstructorAddress}:8080/");
            processes.Add(curl);
            var page = await curl.StandardOutput.ReadToEndAsync().WaitAsync(Bound);
            AssertDashboard(page, apostrophe: "&#39;");
            Assert.Contains("<progress max=\"2\" value=\"2\"></progress> 2/2", page);

            var (dom, browserNames) = await OpenInChromiumAsync(room.Host("e02"), $"http://{SchoolRoom.InstructorAddress}:8080/", SchoolRoom.InstructorAddress);
            AssertDashboard(dom, apostrophe: "'");
            output.WriteLine($"tableau de bord : curl {page.Length} octets, Chromium {dom.Length} octets de DOM, {browserNames} noms affichés, "
                + $"à {watch.Elapsed.TotalSeconds:0.0} s");

            foreach (var p in students.Append(intruders["html"])) await p.StandardInput.WriteLineAsync("bye");
            foreach (var p in students) await p.WaitForExitAsync().WaitAsync(Bound);
            using (var kill = Process.Start("kill", ["-INT", server.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            await server.WaitForExitAsync().WaitAsync(Bound);
            var closing = await server.StandardOutput.ReadToEndAsync();
            output.WriteLine(closing.Trim());
            Assert.Equal(0, server.ExitCode);
            // 30 students and three intruders gave a name (the silent one never did).
            Assert.Matches($"Classe fermée : {Students + 3} élève\\(s\\), \\d+ message\\(s\\)\\.", closing);
            output.WriteLine($"total {watch.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.Dispose();
            }
        }
    }

    /// <summary>
    /// Every student listed, the hostile name and script shown as text. <paramref name="apostrophe"/> is how the
    /// apostrophe reads: the server's bytes encode it (&amp;#39;), Chromium's DOM dump does not (a serializer escapes
    /// only &amp;, &lt;, &gt; and no-break spaces in text), so « &lt;script&gt; » as text is what proves the escape.
    /// </summary>
    private static void AssertDashboard(string html, string apostrophe)
    {
        for (var i = 1; i <= Students; i++) Assert.Contains($"<td class=\"nc-nom\">eleve{i:00}</td>", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains($"&lt;script&gt;document.title={apostrophe}pirate{apostrophe}&lt;/script&gt;", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script>document", html);
    }

    /// <summary>What the browser shows of the dashboard, read from its live DOM.</summary>
    private sealed record BrowserView(string[] Names, string[] Messages, string Title, int Images, string[] Scripts, int InlineScripts, string State);

    /// <summary>
    /// Opens the dashboard in headless Chromium running inside <paramref name="ns"/> (a student's machine: its only
    /// network is the room), waits for the page's own script to refresh it from the server, and checks what a person
    /// would see: every name and the intruder's text as text, no image, no script but the page's, no dialog, no
    /// script error, the title untouched. Returns the serialized DOM and how many names it shows.
    /// </summary>
    private static async Task<(string Dom, int Names)> OpenInChromiumAsync(string ns, string url, string server)
    {
        await using var browser = await HeadlessChromium.LaunchInNamespaceAsync(ns);
        await using var tab = await browser.NewPageAsync();
        var watch = await PageWatch.AttachAsync(tab, uri => uri.Host == server && uri.Port == 8080);
        await tab.GoToAsync(url, new NavigationOptions { Timeout = 30_000, WaitUntil = [WaitUntilNavigation.Load] });
        await tab.WaitForFunctionAsync("() => document.getElementById('etat').textContent.startsWith('à jour à ')",
            new WaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
        var view = JsonSerializer.Deserialize<BrowserView>(await tab.EvaluateExpressionAsync<string>("""
            JSON.stringify({
              names: Array.from(document.querySelectorAll('td.nc-nom'), td => td.textContent),
              messages: Array.from(document.querySelectorAll('ol.nc-messages li'), li => li.textContent),
              title: document.title,
              images: document.images.length,
              scripts: Array.from(document.scripts, s => s.src).filter(s => s),
              inlineScripts: Array.from(document.scripts).filter(s => !s.src).length,
              state: document.getElementById('etat').textContent })
            """), WebJson)!;
        var dom = await tab.GetContentAsync();

        // An alert from the <img> name, a script error, a failed request (a missing icon included) would be here.
        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
        Assert.True(watch.Blocked.Count == 0, "requêtes hors du tableau de bord : " + string.Join(", ", watch.Blocked));
        Assert.Equal("Classe NetCourse — tableau de bord", view.Title); // the intruder's script did not run
        for (var i = 1; i <= Students; i++) Assert.Contains($"eleve{i:00}", view.Names);
        Assert.Contains("<img src=x onerror=alert(1)>", view.Names); // the name, shown as the text it is
        Assert.Contains(view.Messages, m => m.Contains("<script>document.title='pirate'</script>", StringComparison.Ordinal));
        Assert.Equal(0, view.Images);
        Assert.Equal(new[] { $"{url}tableau.js" }, view.Scripts);
        Assert.Equal(0, view.InlineScripts);
        Assert.StartsWith("à jour à ", view.State); // the page's own script refreshed it from the server
        return (dom, view.Names.Length);
    }
}
