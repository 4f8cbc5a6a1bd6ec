namespace NetCourse.Charts;

/// <summary>The chart description the bridge reads (mirrors NetCourse.Html.ChartSpec).</summary>
public sealed class BridgeChartSpec
{
    /// <summary>bar, column, line, scatter or sunburst.</summary>
    public string Kind { get; set; } = "column";
    /// <summary>The chart's title.</summary>
    public string? Title { get; set; }
    /// <summary>The x axis title.</summary>
    public string? XTitle { get; set; }
    /// <summary>The y axis title.</summary>
    public string? YTitle { get; set; }
    /// <summary>The series (all kinds but sunburst).</summary>
    public List<BridgeSeries> Series { get; set; } = [];
    /// <summary>Sunburst labels.</summary>
    public string[]? Labels { get; set; }
    /// <summary>Sunburst parents ("" for the root).</summary>
    public string[]? Parents { get; set; }
    /// <summary>Sunburst values.</summary>
    public double[]? Values { get; set; }
}
