using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace NetCourse.Charts;

/// <summary>
/// Turns a chart description (JSON, plain types only, so it crosses an AssemblyLoadContext boundary) into a
/// Plotly figure (data + layout as JSON) built with Plotly.NET, and hands out the plotly.js that Plotly.NET carries.
/// </summary>
public static class ChartBridge
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Builds the Plotly figure JSON for a chart description.</summary>
    /// <param name="specJson">A serialized chart description (kind, title, axes, series).</param>
    /// <returns>The figure as Plotly.NET writes it: <c>{"data": [...], "layout": {...}}</c>.</returns>
    public static string FigureJson(string specJson)
    {
        var spec = JsonSerializer.Deserialize<BridgeChartSpec>(specJson, JsonOptions)
                   ?? throw new ArgumentException("Empty chart description.", nameof(specJson));
        GenericChart chart = spec.Kind switch
        {
            "sunburst" => PlotlyChart.Sunburst<string, string, double, string, string>(
                labels: spec.Labels ?? [], parents: spec.Parents ?? [], Values: spec.Values ?? [],
                BranchValues: StyleParam.BranchValues.Total),
            _ => PlotlyChart.Combine(spec.Series.Select(s => BuildSeries(spec.Kind, s))),
        };
        // Titles are set on the figure JSON: Plotly.NET's Title.init needs every F# option spelled out from C#.
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        var layout = figure["layout"] as JsonObject ?? new JsonObject();
        figure["layout"] = layout;
        if (spec.Title is not null)
            layout["title"] = new JsonObject { ["text"] = spec.Title };
        if (spec.XTitle is not null)
            layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = spec.XTitle } };
        if (spec.YTitle is not null)
            layout["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = spec.YTitle } };
        return figure.ToJsonString();
    }

    /// <summary>The minified plotly.js bundled inside Plotly.NET (no network needed).</summary>
    public static string PlotlyJavaScript()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().First(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static GenericChart BuildSeries(string kind, BridgeSeries s)
    {
        var name = s.Name ?? "";
        return kind switch
        {
            "bar" when s.XLabels is not null => PlotlyChart.Bar<double, string, string>(
                values: s.Y, Keys: s.XLabels, Name: name),
            "column" when s.XLabels is not null => PlotlyChart.Column<double, string, string>(
                values: s.Y, Keys: s.XLabels, Name: name),
            "column" => PlotlyChart.Column<double, double, string>(values: s.Y, Keys: s.X ?? [], Name: name),
            "line" when s.XLabels is not null => PlotlyChart.Line<string, double, string>(
                x: s.XLabels, y: s.Y, Name: name, ShowMarkers: true),
            "line" => PlotlyChart.Line<double, double, string>(x: s.X ?? [], y: s.Y, Name: name, ShowMarkers: true),
            "scatter" => PlotlyChart.Point<double, double, string>(x: s.X ?? [], y: s.Y, Name: name),
            _ => throw new ArgumentException($"Unknown chart kind '{kind}'."),
        };
    }
}
