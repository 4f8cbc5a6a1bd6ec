using System.Text.Json;
using NetCourse.Html;

namespace NetCourse.Tests.Html;

public class PlotlyChartTests
{
    [Fact]
    public void A_line_chart_is_built_by_PlotlyNET_with_the_given_points()
    {
        var chart = PlotlyChart.Lines("Titre", "x", "y", ChartSeries.Numbers("série", [1, 2, 3], [10, 20, 15]));

        Assert.Null(chart.Error);
        using var figure = JsonDocument.Parse(chart.FigureJson!);
        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal([10.0, 20.0, 15.0], trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("Titre", figure.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("y", figure.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_sunburst_keeps_labels_and_parents()
    {
        var chart = PlotlyChart.Sunburst("Protocoles", ["eth", "ip", "tcp"], ["", "eth", "ip"], [10, 9, 7]);

        using var figure = JsonDocument.Parse(chart.FigureJson!);
        var trace = figure.RootElement.GetProperty("data")[0];
        Assert.Equal("sunburst", trace.GetProperty("type").GetString());
        Assert.Equal(["", "eth", "ip"], trace.GetProperty("parents").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Chart_html_draws_with_window_Plotly_and_carries_no_CDN_reference()
    {
        var html = PlotlyChart.Columns("t", "x", "y", ChartSeries.Categories("s", ["a", "b"], [1, 2])).ToHtml();

        Assert.Contains("window.Plotly.newPlot", html);
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org", "", StringComparison.Ordinal));
    }

    [Fact]
    public void An_undrawn_chart_says_why_in_french_until_the_script_replaces_it()
    {
        var html = PlotlyChart.Columns("t", "x", "y", ChartSeries.Categories("s", ["a", "b"], [1, 2])).ToHtml();

        // The line sits inside the chart's own box (what an untrusted notebook shows, its script not run) ...
        var box = System.Text.RegularExpressions.Regex.Match(html, "<div id=\"(netcourse-chart[^\"]*)\"[^>]*><p[^>]*>([^<]*)</p></div>");
        Assert.True(box.Success, "no chart box holding a line");
        Assert.Equal(System.Net.WebUtility.HtmlEncode(PlotlyChart.NotDrawnText), box.Groups[2].Value);
        Assert.StartsWith("graphique non affiché", PlotlyChart.NotDrawnText, StringComparison.Ordinal);
        // ... and the script that draws the chart empties that box first.
        var drawing = html[html.IndexOf("if (window.Plotly)", StringComparison.Ordinal)..];
        Assert.True(drawing.IndexOf("el.textContent = \"\"", StringComparison.Ordinal) is var cleared and >= 0
            && cleared < drawing.IndexOf("newPlot", StringComparison.Ordinal), "the chart does not replace the line");
    }

    [Fact]
    public void The_runtime_inlines_plotly_js_wrapped_against_require_js()
    {
        var html = PlotlyRuntime.Instance.ToHtml();

        Assert.StartsWith("<script type=\"text/javascript\">(function(){var define, module, exports;", html);
        Assert.True(html.Length > 1_000_000, $"plotly.js should be inlined in full, got {html.Length} characters");
        Assert.DoesNotContain("</script", html[..^9], StringComparison.OrdinalIgnoreCase);
    }
}
