using System.Text.Json;

namespace NetCourse.Html;

/// <summary>
/// A Plotly.NET chart that draws offline: the figure is built by Plotly.NET (in the bridge) and drawn by the
/// plotly.js that the chapter's first cell inlined (<see cref="PlotlyRuntime"/>).
/// </summary>
public sealed class PlotlyChart : IHtmlView
{
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);

    private PlotlyChart(ChartSpec spec, string? figureJson, string? error)
    {
        Spec = spec;
        FigureJson = figureJson;
        Error = error;
    }

    /// <summary>What the chart shows.</summary>
    public ChartSpec Spec { get; }

    /// <summary>The Plotly figure (data and layout) as JSON, or null when charts are unavailable.</summary>
    public string? FigureJson { get; }

    /// <summary>Why the chart could not be built, in French, or null.</summary>
    public string? Error { get; }

    /// <summary>Builds a chart from its description; never throws (a failure is kept in <see cref="Error"/>).</summary>
    public static PlotlyChart Create(ChartSpec spec)
    {
        try
        {
            return new PlotlyChart(spec, ChartBridgeLoader.FigureJson(JsonSerializer.Serialize(spec, SpecJson)), null);
        }
        catch (Exception e)
        {
            return new PlotlyChart(spec, null, ChartBridgeLoader.Error ?? $"Graphique impossible : {e.Message}");
        }
    }

    /// <summary>A vertical bar chart over categories.</summary>
    public static PlotlyChart Columns(string title, string xTitle, string yTitle, params ChartSeries[] series) =>
        Create(new ChartSpec("column", title, xTitle, yTitle, series));

    /// <summary>A horizontal bar chart over categories.</summary>
    public static PlotlyChart Bars(string title, string xTitle, string yTitle, params ChartSeries[] series) =>
        Create(new ChartSpec("bar", title, xTitle, yTitle, series));

    /// <summary>A line chart (with markers).</summary>
    public static PlotlyChart Lines(string title, string xTitle, string yTitle, params ChartSeries[] series) =>
        Create(new ChartSpec("line", title, xTitle, yTitle, series));

    /// <summary>A sunburst (hierarchy): labels, their parents ("" for a root) and values.</summary>
    public static PlotlyChart Sunburst(string title, string[] labels, string[] parents, double[] values) =>
        Create(new ChartSpec("sunburst", title, Labels: labels, Parents: parents, Values: values));

    /// <summary>
    /// What the chart's box says until the chart replaces it: in a notebook opened « Not Trusted », or not yet run, the
    /// script does not run and the box would otherwise stay empty with no word of why.
    /// </summary>
    public const string NotDrawnText = "graphique non affiché : exécutez la cellule, ou faites confiance au notebook";

    /// <inheritdoc />
    public string ToHtml()
    {
        if (FigureJson is null)
            return $"<div style=\"color:#a00\">{HtmlText.Encode(Error)}</div>";
        var id = HtmlText.NewId("netcourse-chart");
        // The figure is drawn as soon as window.Plotly exists (the chapter's first cell inlines it).
        return $$"""
            <div id="{{id}}" class="netcourse-chart" style="width:100%;max-width:900px"><p style="font-family:sans-serif;font-size:13px;color:#8a4b00;margin:6px 0">{{HtmlText.Encode(NotDrawnText)}}</p></div>
            <script type="text/javascript">(function(){
              var el = document.getElementById("{{id}}"); var fig = {{FigureJson.Replace("</", "<\\/", StringComparison.Ordinal)}};
              var tries = 0;
              (function draw(){
                if (window.Plotly) {
                  // Plotly.NET asks for 600 x 600 px: keep charts 450 px high, as wide as the output area (the div has no fixed height, so nothing overlaps).
                  var layout = fig.layout || {}; layout.height = 450; delete layout.width; layout.autosize = true;
                  el.textContent = "";
                  window.Plotly.newPlot(el, fig.data, layout, {responsive: true, displaylogo: false});
                }
                else if (tries++ < 100) { setTimeout(draw, 100); }
                else { el.style.height = "auto"; el.textContent = "plotly.js n'est pas chargé : exécutez d'abord la première cellule du chapitre."; }
              })();
            })();</script>
            """;
    }

    /// <inheritdoc />
    public override string ToString() => Error ?? $"Graphique « {Spec.Title} » ({Spec.Kind})";
}
