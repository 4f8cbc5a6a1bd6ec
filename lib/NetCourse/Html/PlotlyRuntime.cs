namespace NetCourse.Html;

/// <summary>
/// The plotly.js library, inlined once per chapter (by its first cell) so that every chart of the chapter draws
/// with no network. It is wrapped so that it sets <c>window.Plotly</c> whether or not require.js is on the page
/// (Jupyter's HTML export loads require.js, which would otherwise capture plotly.js as an anonymous module).
/// </summary>
public sealed class PlotlyRuntime : IHtmlView
{
    private static readonly Lazy<string> Script = new(() =>
        "<script type=\"text/javascript\">(function(){var define, module, exports;\n"
        + ChartBridgeLoader.PlotlyJavaScript().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n})();</script>");

    /// <summary>The shared instance.</summary>
    public static PlotlyRuntime Instance { get; } = new();

    private PlotlyRuntime() { }

    /// <summary>True when the Plotly.NET bridge (and so plotly.js) is available.</summary>
    public static bool IsAvailable => ChartBridgeLoader.Error is null;

    /// <inheritdoc />
    public string ToHtml() => IsAvailable
        ? Script.Value
        : $"<div style=\"color:#a00\">{HtmlText.Encode(ChartBridgeLoader.Error)}</div>";
}
