using System.Text;

namespace NetCourse.Html;

/// <summary>
/// A plain HTML table: a caption, column headers and rows of text, every cell left-aligned by its own style (Jupyter's
/// stylesheet right-aligns table cells).
/// </summary>
/// <param name="Caption">Shown above the table (may be empty).</param>
/// <param name="Headers">The column headers.</param>
/// <param name="Rows">The rows; each has as many cells as there are headers.</param>
public sealed record HtmlTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : IHtmlView
{
    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<table class=\"netcourse-table\" style=\"border-collapse:collapse;font-family:sans-serif;font-size:13px\">");
        if (Caption.Length > 0)
            html.Append("<caption style=\"text-align:left;font-weight:bold;padding:4px 0\">").Append(HtmlText.Encode(Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var header in Headers)
            html.Append("<th style=\"border:1px solid #bbb;padding:3px 8px;background:#f0f0f0;text-align:left\">").Append(HtmlText.Encode(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append("<td style=\"border:1px solid #bbb;padding:3px 8px;vertical-align:top;text-align:left\">").Append(HtmlText.Encode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Caption.Length > 0) text.AppendLine(Caption);
        text.AppendLine(string.Join(" | ", Headers));
        foreach (var row in Rows) text.AppendLine(string.Join(" | ", row));
        return text.ToString();
    }
}
