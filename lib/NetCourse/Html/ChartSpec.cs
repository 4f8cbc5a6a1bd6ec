namespace NetCourse.Html;

/// <summary>What a chart shows, in plain types, handed to the Plotly.NET bridge.</summary>
/// <param name="Kind">bar (horizontal), column, line, scatter or sunburst.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="XTitle">The x axis title, or null.</param>
/// <param name="YTitle">The y axis title, or null.</param>
/// <param name="Series">The series (every kind but sunburst).</param>
/// <param name="Labels">Sunburst labels.</param>
/// <param name="Parents">Sunburst parents ("" for a root).</param>
/// <param name="Values">Sunburst values.</param>
public sealed record ChartSpec(
    string Kind,
    string Title,
    string? XTitle = null,
    string? YTitle = null,
    IReadOnlyList<ChartSeries>? Series = null,
    string[]? Labels = null,
    string[]? Parents = null,
    double[]? Values = null);
