namespace NetCourse.Html;

/// <summary>One series of a chart: a name, x values (numbers or categories) and y values.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">Numeric x values, or null when <paramref name="XLabels"/> is used.</param>
/// <param name="XLabels">Category x values, or null.</param>
/// <param name="Y">The y values.</param>
public sealed record ChartSeries(string Name, double[]? X, string[]? XLabels, double[] Y)
{
    /// <summary>A series over categories.</summary>
    public static ChartSeries Categories(string name, IEnumerable<string> labels, IEnumerable<double> values) =>
        new(name, null, labels.ToArray(), values.ToArray());

    /// <summary>A series over numbers.</summary>
    public static ChartSeries Numbers(string name, IEnumerable<double> x, IEnumerable<double> y) =>
        new(name, x.ToArray(), null, y.ToArray());
}
