using NetCourse.Html;

namespace NetCourse.Course;

/// <summary>
/// The « Voir la solution » toggle every verdict ends with: a <c>&lt;details&gt;</c> whose summary is drawn as a
/// button. Jupyter's stylesheet hides the disclosure triangle, so a bare summary reads as plain text there; inline
/// styles survive the notebook's stylesheet, and the marker is hidden both ways browsers draw it (list-style and
/// the webkit pseudo-element).
/// </summary>
internal static class SolutionToggle
{
    private const string ButtonStyle = "display:inline-block;list-style:none;cursor:pointer;background:#1565c0;color:#fff;"
                                       + "padding:3px 12px;border-radius:4px;font-weight:bold;user-select:none";

    /// <summary>The opening of the toggle, up to and including its summary; close it with <c>&lt;/details&gt;</c>.</summary>
    /// <param name="open">True to show the solution already unfolded.</param>
    public static string Open(bool open = false)
    {
        var id = HtmlText.NewId("nc-sol");
        return $"<style>#{id}>summary::-webkit-details-marker{{display:none}}#{id}>summary::marker{{content:\"\"}}</style>"
               + $"<details id=\"{id}\" style=\"margin-top:6px\"{(open ? " open" : "")}>"
               + $"<summary style=\"{ButtonStyle}\">Voir la solution</summary>";
    }

    /// <summary>The solution's text as a block inside the toggle.</summary>
    /// <param name="solution">The solution, plain text.</param>
    public static string Block(string solution) =>
        "<pre style=\"background:#fff;border:1px solid #ddd;padding:6px;margin:6px 0 0 0;white-space:pre-wrap\">"
        + $"{HtmlText.Encode(solution)}</pre>";
}
