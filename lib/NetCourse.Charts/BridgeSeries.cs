namespace NetCourse.Charts;

/// <summary>One series of a chart description.</summary>
public sealed class BridgeSeries
{
    /// <summary>The series' name (legend).</summary>
    public string? Name { get; set; }
    /// <summary>Numeric x values, or null when <see cref="XLabels"/> is used.</summary>
    public double[]? X { get; set; }
    /// <summary>Category x values.</summary>
    public string[]? XLabels { get; set; }
    /// <summary>The y values.</summary>
    public double[] Y { get; set; } = [];
}
