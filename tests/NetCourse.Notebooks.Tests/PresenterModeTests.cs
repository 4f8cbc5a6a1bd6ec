using System.Text.Json;
using System.Text.RegularExpressions;
using NetCourse.Book;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// The book's presenter mode on a real chapter page (chapter 0 executed by the kernel, then written by the book's
/// writer), driven in headless Chromium as an instructor would: the page opened at <c>#present</c>, real key presses.
/// One section per level-1/2 heading of the notebook; → ← Home move; Échap leaves; every cell and every output sits in
/// exactly one section; the chart is drawn, at a real size, in its section; no script error, and only the page's own
/// file loads (every other request is aborted: it works offline).
/// </summary>
public partial class PresenterModeTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>What the page shows now: read from the live DOM, visible means laid out (not display:none).</summary>
    private const string StateScript = """
        () => {
          const root = document.documentElement;
          const shown = Array.from(document.querySelectorAll('.jp-Cell')).filter(c => c.getClientRects().length > 0);
          const heading = shown.length ? shown[0].querySelector('h1, h2') : null;
          const laidOut = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          return JSON.stringify({
            present: root.classList.contains('nc-present'),
            section: Number(root.getAttribute('data-nc-section') || 0),
            sections: Number(root.getAttribute('data-nc-sections') || 0),
            visible: shown.length,
            outputs: shown.reduce((n, c) => n + c.querySelectorAll('.jp-OutputArea-output').length, 0),
            heading: heading ? heading.textContent.replace('¶', '').trim() : '',
            charts: Array.from(document.querySelectorAll('.main-svg')).filter(laidOut).length,
            hash: location.hash,
            fontSize: parseFloat(getComputedStyle(document.body).fontSize) });
        }
        """;

    private const string KernelBootstrapScript = "/undefinedresources/dotnet-interactive.js";

    private sealed record Step(string Label, bool Present, int Section, int Sections, int Visible, int Outputs, string Heading,
        int Charts, string Hash, double FontSize);

    [SkippableFact]
    public async Task A_chapter_page_opened_at_present_shows_one_section_at_a_time_with_its_chart()
    {
        Requires.Chromium("présenter un chapitre du livre");
        var notebook = Path.Combine(NotebookFixture.Root, "notebooks", "00-prise-en-main.ipynb");
        var book = Directory.CreateDirectory(Path.Combine(NotebookFixture.OutputFolder, "presenter-book")).FullName;
        var page = Path.Combine(book, "00-prise-en-main.html");
        var runner = await NotebookFixture.RunnerAsync();
        var result = await runner.RunAsync(notebook, Path.Combine(book, "00-prise-en-main.ipynb"), page, TimeSpan.FromSeconds(120));
        Assert.True(result.Succeeded, NotebookFixture.Describe(result));
        BookWriter.Write(book, [new BookChapter("00-prise-en-main", BookWriter.TitleOf(notebook), result, [])]);
        var written = File.ReadAllText(page);
        Assert.Contains("href=\"#present\"", written);
        Assert.DoesNotMatch("<script[^>]+src=\"https?://", written);

        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var tab = await browser.NewPageAsync();
        await tab.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        var watch = await PageWatch.AttachAsync(tab, uri => uri.IsFile);
        await tab.GoToAsync(new Uri(page).AbsoluteUri + "#present", new NavigationOptions { Timeout = 60_000, WaitUntil = [WaitUntilNavigation.Load] });
        await tab.WaitForFunctionAsync("() => document.documentElement.classList.contains('nc-present')",
            new WaitForFunctionOptions { Timeout = 20_000, PollingInterval = 100 });
        var totalCells = await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('.jp-Cell').length");
        var totalOutputs = await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('.jp-OutputArea-output').length");

        var steps = new List<Step> { await StateAsync(tab, "start") };
        async Task Press(string key, string label)
        {
            await tab.Keyboard.PressAsync(key);
            steps.Add(await StateAsync(tab, label));
        }
        await Press("ArrowRight", "right");
        await Press("ArrowRight", "right");
        await Press("ArrowLeft", "left");
        await Press("Home", "home");
        for (var i = 1; i < steps[0].Sections; i++) await Press("ArrowRight", "walk");
        await Press("ArrowRight", "past-end");
        await Press("Escape", "escape");
        foreach (var s in steps) output.WriteLine(s.ToString());
        output.WriteLine($"{totalCells} cellules, {totalOutputs} sorties ; requêtes bloquées : {string.Join(", ", watch.Blocked)}");

        var (sections, headings) = ExpectedSections(notebook);
        var start = steps[0];
        Assert.True(start.Present, "#present did not start the presenter mode");
        Assert.Equal(sections, start.Sections);
        Assert.Equal(1, start.Section);
        Assert.Equal(headings[0], start.Heading);
        Assert.True(start.FontSize >= 24, $"large type: {start.FontSize}px");
        Assert.Equal([2, 3, 2, 1], steps.Skip(1).Take(4).Select(s => s.Section));
        Assert.Equal(headings[1], steps[1].Heading);
        Assert.Equal("#present-2", steps[1].Hash);
        var walk = steps.Where(s => s.Label is "home" or "walk").ToArray();
        Assert.Equal(Enumerable.Range(1, sections), walk.Select(s => s.Section));
        Assert.Equal(headings, walk.Select(s => s.Heading));
        Assert.Equal(totalCells, walk.Sum(s => s.Visible)); // every cell in exactly one section
        Assert.Equal(totalOutputs, walk.Sum(s => s.Outputs)); // and every output with it, intact
        Assert.Equal(sections, steps.Single(s => s.Label == "past-end").Section);
        Assert.Equal(1, walk.Count(s => s.Charts > 0)); // the chart is drawn, at a real size, in its one section
        var escape = steps.Single(s => s.Label == "escape");
        Assert.False(escape.Present);
        Assert.Equal(totalCells, escape.Visible);
        Assert.True(escape.Charts > 0, "the chart is gone after leaving the presenter mode");
        // The kernel's own output bootstrap (.NET Interactive 1.0.712001, in every output) asks for its discovery URL on
        // the kernel's port and for a script under an undefined root: they fail offline and change nothing. Any other
        // request, and any script or console error, is the book's.
        Assert.All(watch.Blocked, url => Assert.EndsWith(":2048/discovery", url));
        var problems = watch.Problems.Where(p => !p.Contains(KernelBootstrapScript, StringComparison.Ordinal)).ToArray();
        Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<Step> StateAsync(IPage tab, string label)
    {
        var json = await tab.EvaluateFunctionAsync<string>(StateScript);
        var step = JsonSerializer.Deserialize<Step>(json, WebJson)!;
        return step with { Label = label };
    }

    /// <summary>How many sections the notebook's headings make (a section per markdown cell with a # or ## heading), and their titles.</summary>
    private static (int Count, List<string> Headings) ExpectedSections(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(notebook));
        var headings = new List<string>();
        var first = true;
        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray())
        {
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString()));
            var heading = cell.GetProperty("cell_type").GetString() == "markdown"
                ? source.Split('\n').FirstOrDefault(l => Heading().IsMatch(l)) : null;
            if (heading is not null) headings.Add(heading.TrimStart('#').Trim());
            else if (first) headings.Add("");
            first = false;
        }
        return (headings.Count, headings);
    }

    [GeneratedRegex("^#{1,2} ")]
    private static partial Regex Heading();
}
