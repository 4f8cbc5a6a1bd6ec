namespace NetCourse.Html;

/// <summary>A drawing as inline SVG (self-contained, drawn offline by any browser).</summary>
/// <param name="Title">What the drawing shows (its accessible title).</param>
/// <param name="Svg">The complete &lt;svg&gt; element.</param>
public sealed record SvgDrawing(string Title, string Svg) : IHtmlView
{
    /// <inheritdoc />
    public string ToHtml() => $"<div class=\"netcourse-svg\" style=\"max-width:100%;overflow-x:auto\">{Svg}</div>";

    /// <inheritdoc />
    public override string ToString() => $"Dessin : {Title}";
}
