using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetCourse.Book;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// The book's presenter mode on a real chapter page (chapter 0 executed by the kernel, then written by the book's
/// writer), opened at <c>#present</c> in headless Chromium with no network: one section per level-1/2 heading of the
/// notebook, the arrow keys move between them, Échap leaves, and the chart is still drawn when its section shows.
/// </summary>
public partial class PresenterModeTests
{
    private const string Harness = """
        <script>
        window.addEventListener('load', function () {
          setTimeout(function () {
            var log = [];
            function visible() {
              return Array.prototype.filter.call(document.querySelectorAll('.jp-Cell'), function (c) { return c.style.display !== 'none'; });
            }
            function state(label) {
              var shown = visible();
              var heading = shown.length && shown[0].querySelector('h1, h2');
              var charts = Array.prototype.filter.call(document.querySelectorAll('.main-svg'), function (s) {
                var r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0;
              }).length;
              log.push({ label: label, present: document.documentElement.classList.contains('nc-present'),
                section: Number(document.documentElement.getAttribute('data-nc-section') || 0),
                sections: Number(document.documentElement.getAttribute('data-nc-sections') || 0),
                visible: shown.length, heading: heading ? heading.textContent.replace('¶', '').trim() : '',
                charts: charts, hash: location.hash, fontSize: getComputedStyle(document.body).fontSize });
            }
            function key(k) { document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })); }
            state('start');
            key('ArrowRight'); state('right');
            key('ArrowRight'); state('right');
            key('ArrowLeft'); state('left');
            key('Home'); state('home');
            var total = Number(document.documentElement.getAttribute('data-nc-sections') || 0);
            for (var i = 1; i < total; i++) { key('ArrowRight'); state('walk'); }
            key('ArrowRight'); state('past-end');
            key('Escape'); state('escape');
            var pre = document.createElement('pre');
            pre.id = 'nc-test';
            pre.textContent = JSON.stringify(log);
            document.body.appendChild(pre);
          }, 200);
        });
        </script>
        """;

    private sealed record Step(string Label, bool Present, int Section, int Sections, int Visible, string Heading, int Charts, string Hash, string FontSize);

    [Fact]
    public async Task A_chapter_page_opened_at_present_shows_one_section_at_a_time_with_its_chart()
    {
        var notebook = Path.Combine(NotebookFixture.Root, "notebooks", "00-prise-en-main.ipynb");
        var book = Directory.CreateDirectory(Path.Combine(NotebookFixture.OutputFolder, "presenter-book")).FullName;
        var page = Path.Combine(book, "00-prise-en-main.html");
        var result = await NotebookFixture.Runner.RunAsync(notebook, Path.Combine(book, "00-prise-en-main.ipynb"), page, TimeSpan.FromSeconds(120));
        Assert.True(result.Succeeded, NotebookFixture.Describe(result));
        BookWriter.Write(book, [new BookChapter("00-prise-en-main", BookWriter.TitleOf(notebook), result, [])]);
        var written = File.ReadAllText(page);
        Assert.Contains("href=\"#present\"", written);
        Assert.DoesNotMatch("<script[^>]+src=\"https?://", written);

        var harness = Path.Combine(book, "presenter-harness.html");
        var end = written.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        File.WriteAllText(harness, written.Insert(end, Harness));
        var dom = OfflineChartTests.DumpDom(new Uri(harness).AbsoluteUri + "#present");
        var json = WebUtility.HtmlDecode(TestLog().Match(dom).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(json), "the harness wrote no log: the page's scripts did not run");
        var steps = JsonSerializer.Deserialize<Step[]>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        var (sections, firstHeadings) = ExpectedSections(notebook);
        var start = steps[0];
        Assert.True(start.Present, "#present did not start the presenter mode");
        Assert.Equal(sections, start.Sections);
        Assert.Equal(1, start.Section);
        Assert.Equal(firstHeadings[0], start.Heading);
        Assert.True(double.Parse(start.FontSize.Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 24, $"large type: {start.FontSize}");
        Assert.Equal([2, 3, 2, 1], steps.Skip(1).Take(4).Select(s => s.Section));
        Assert.Equal(firstHeadings[1], steps[1].Heading);
        Assert.Equal("#present-2", steps[1].Hash);
        var walk = steps.Where(s => s.Label is "home" or "walk").ToArray();
        Assert.Equal(Enumerable.Range(1, sections), walk.Select(s => s.Section));
        Assert.Equal(CountCells(dom), walk.Sum(s => s.Visible)); // every cell is in exactly one section
        Assert.Equal(sections, steps.Single(s => s.Label == "past-end").Section);
        Assert.Contains(walk, s => s.Charts > 0); // the chart is drawn, and visible, in its section
        Assert.Equal(1, walk.Count(s => s.Charts > 0));
        var escape = steps.Single(s => s.Label == "escape");
        Assert.False(escape.Present);
        Assert.Equal(CountCells(dom), escape.Visible);
        Assert.True(Regex.Count(dom, "class=\"main-svg\"") >= 1, "no drawn Plotly chart in Chromium's DOM");
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
                ? source.Split('\n').FirstOrDefault(l => Regex.IsMatch(l, "^#{1,2} ")) : null;
            if (heading is not null) headings.Add(heading.TrimStart('#').Trim());
            else if (first) headings.Add("");
            first = false;
        }
        return (headings.Count, headings);
    }

    private static int CountCells(string dom) => Regex.Count(dom, "class=\"jp-Cell ");

    [GeneratedRegex("<pre id=\"nc-test\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex TestLog();
}
