using System.Text.Json;
using PuppeteerSharp;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// Chapters 0, 6 and 8 as a student runs them: the classic Jupyter Notebook UI in Chromium (1280 px window), Run All.
/// No cell error, no page error (uncaught script error, console error, failed request to the server), every chart
/// drawn, no output wider than the notebook, no right-aligned table cell. Chromium may reach only the loopback: every other request is aborted.
/// Screenshots go to artifacts/ui-test/.
/// </summary>
public class JupyterUiTests
{
    private static readonly string[] Notebooks = ["00-prise-en-main.ipynb", "06-wireshark.ipynb", "08-traceroute.ipynb"];

    /// <summary>
    /// Requests that fail whatever the course does: classic Notebook 6 always tries the ipywidgets extension (not
    /// installed), and the .NET Interactive 1.0.712001 bootstrap script in every output builds its own URL from an
    /// undefined root. Anything else that fails on the server is a problem (the editor mode named by the chapters'
    /// metadata, for example).
    /// </summary>
    private static readonly string[] ThirdPartyFailures = ["/nbextensions/widgets/notebook/js/extension.js", "/undefinedresources/dotnet-interactive.js"];

    private static bool IsThirdParty(string text) => ThirdPartyFailures.Any(f => text.Contains(f, StringComparison.Ordinal));

    private static readonly string Artifacts = Path.Combine(NotebookFixture.Root, "artifacts", "ui-test");

    [SkippableFact]
    public async Task Chapters_run_all_in_the_classic_jupyter_ui_without_error_and_fit_the_notebook()
    {
        Requires.Chromium("voir les chapitres dans l'interface Jupyter");
        Requires.Tool("jupyter-notebook", "jupyter-notebook");
        if (await NetCourse.Book.KernelCheck.EnsureAsync(NotebookFixture.Root, _ => { }) is { } kernel) Assert.Fail(kernel);
        var screens = Directory.CreateDirectory(Path.Combine(Artifacts, "screens")).FullName;
        await using var server = await JupyterServer.StartAsync(Path.Combine(Artifacts, "notebooks"), Notebooks, TimeSpan.FromMinutes(6));
        await using var browser = await HeadlessChromium.LaunchAsync();
        var problems = new List<string>();
        foreach (var notebook in Notebooks)
            problems.AddRange(await RunAllAsync(browser, server, notebook, screens));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<List<string>> RunAllAsync(IBrowser browser, JupyterServer server, string notebook, string screens)
    {
        var slug = notebook[..2];
        var problems = new List<string>();
        await using var page = await HeadlessChromium.NewLoopbackPageAsync(browser);
        page.PageError += (_, e) => { lock (problems) problems.Add($"{slug}: page error: {e.Message}"); };
        page.Console += (_, e) =>
        {
            if (e.Message.Type != ConsoleType.Error) return;
            var location = e.Message.Location?.URL ?? "";
            // Requests off this machine are aborted on purpose (the kernel's bootstrap asks a CDN for require.js).
            if (location.Length > 0 && !new Uri(location).IsLoopback && e.Message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) return;
            if (IsThirdParty(e.Message.Text) || IsThirdParty(location)) return;
            lock (problems) problems.Add($"{slug}: console error: {e.Message.Text} {location}");
        };
        page.Response += (_, e) =>
        {
            if ((int)e.Response.Status >= 400 && new Uri(e.Response.Url).IsLoopback && !IsThirdParty(e.Response.Url))
                lock (problems) problems.Add($"{slug}: HTTP {(int)e.Response.Status} for {e.Response.Url.Split('?')[0]}");
        };

        await page.GoToAsync(server.NotebookUrl(notebook), new NavigationOptions { Timeout = 60_000, WaitUntil = [WaitUntilNavigation.Load] });
        await page.WaitForFunctionAsync(
            "() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
            + " && document.querySelector('#kernel_indicator_icon.kernel_idle_icon')",
            new WaitForFunctionOptions { Timeout = 180_000, PollingInterval = 500 });
        await page.ScreenshotAsync(Path.Combine(screens, $"{slug}-opened.png"));
        await page.EvaluateExpressionAsync("Jupyter.notebook.execute_all_cells()");
        // Done when no cell waits or runs and the kernel is idle (a failed cell makes the kernel abort the queue).
        await page.WaitForFunctionAsync(
            "() => Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || !c.element.hasClass('running'))"
            + " && document.querySelector('#kernel_indicator_icon.kernel_idle_icon')",
            new WaitForFunctionOptions { Timeout = 420_000, PollingInterval = 1000 });
        // Charts draw from a short retry loop once plotly.js is there: give them a moment.
        await Task.Delay(3000);

        var report = JsonDocument.Parse(await page.EvaluateExpressionAsync<string>(CollectScript)).RootElement;
        foreach (var item in report.GetProperty("problems").EnumerateArray()) problems.Add($"{slug}: {item.GetString()}");
        var charts = report.GetProperty("charts").GetInt32();
        if (slug is "00" or "06" or "08" && charts == 0) problems.Add($"{slug}: no chart at all in the page");

        await page.ScreenshotAsync(Path.Combine(screens, $"{slug}-run.png"), new ScreenshotOptions { FullPage = true });
        var outputs = await page.QuerySelectorAllAsync(".output_area");
        var shot = 0;
        foreach (var output in outputs)
        {
            var kind = await output.EvaluateFunctionAsync<string>(
                "e => ['netcourse-packets','netcourse-details','netcourse-chart','netcourse-table','nc-packet-details']"
                + ".find(k => e.querySelector('.' + k)) || ''");
            if (kind.Length == 0 || shot >= 40) continue;
            await output.ScrollIntoViewAsync();
            await output.ScreenshotAsync(Path.Combine(screens, $"{slug}-{++shot:00}-{kind}.png"));
        }

        // Stop this chapter's kernel before the next one starts (the kernel always binds port 2048).
        await page.EvaluateExpressionAsync("Jupyter.notebook.session.delete()");
        for (var i = 0; i < 60 && (await server.KernelsAsync()).Trim() != "[]"; i++) await Task.Delay(500);
        return problems;
    }

    /// <summary>Reads the page after Run All: failed cells, cells never run, undrawn charts, outputs wider than the notebook.</summary>
    private const string CollectScript = """
        (() => {
          const problems = [];
          const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
          cells.forEach((c, i) => {
            const n = c.input_prompt_number;
            if (c.get_text().trim() && typeof n !== 'number') problems.push(`cell #${i + 1} not run (prompt ${n})`);
            for (const o of c.output_area.outputs)
              if (o.output_type === 'error') problems.push(`cell [${n}] error: ${o.ename}: ${(o.evalue || '').slice(0, 300)}`);
          });
          const charts = [...document.querySelectorAll('.netcourse-chart')];
          charts.forEach((chart, i) => {
            if (!chart.querySelector('.main-svg')) problems.push(`chart ${i + 1} not drawn: ${chart.textContent.slice(0, 120)}`);
          });
          // The exercises' « Voir la solution » toggle must look clickable (Jupyter hides the disclosure arrow).
          document.querySelectorAll('summary').forEach(s => {
            if (!s.textContent.trim().startsWith('Voir la solution')) return;
            const st = getComputedStyle(s);
            const filled = st.backgroundColor !== 'rgba(0, 0, 0, 0)' && st.backgroundColor !== 'transparent';
            if (st.cursor !== 'pointer' || !(filled || st.borderStyle !== 'none')) problems.push('a solution toggle does not look like a button');
          });
          // Jupyter's stylesheet right-aligns table cells: every table of the course must stay left-aligned.
          const right = [...document.querySelectorAll('.rendered_html td, .rendered_html th, .output_area td, .output_area th')]
            .filter(c => getComputedStyle(c).textAlign === 'right' && c.textContent.trim());
          if (right.length) {
            const c = right[0], cell = c.closest('.cell'), p = cell && cell.querySelector('.input_prompt');
            problems.push(`${right.length} right-aligned table cell(s), first « ${c.textContent.trim().slice(0, 40)} »`
              + ` in ${p ? p.textContent.trim() || 'a text cell' : 'a text cell'}`);
          }
          document.querySelectorAll('.output_subarea').forEach(sub => {
            const cell = sub.closest('.cell');
            const prompt = cell ? cell.querySelector('.input_prompt').textContent.trim() : '?';
            const box = sub.getBoundingClientRect();
            for (const el of [sub, ...sub.querySelectorAll('*')]) {
              const style = getComputedStyle(el);
              const rect = el.getBoundingClientRect();
              const scrolls = (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 2;
              const sticksOut = rect.width > 0 && rect.right > box.right + 2;
              if (scrolls || sticksOut) {
                problems.push(`output of ${prompt} wider than the notebook: <${el.tagName.toLowerCase()} class="${el.className}">`
                  + ` ${Math.round(scrolls ? el.scrollWidth : rect.right - box.left)} px in ${Math.round(box.width)} px`);
                break;
              }
            }
          });
          return JSON.stringify({ problems, charts: charts.length });
        })()
        """;
}
