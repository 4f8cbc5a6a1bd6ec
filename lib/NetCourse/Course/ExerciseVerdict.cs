using System.Globalization;
using NetCourse.Html;

namespace NetCourse.Course;

/// <summary>
/// The verdict shown under a student's cell: green or red, what was wrong, a hint after the first wrong try, what the
/// code did on the wire, and the solution behind a button once it is unlocked (after a few tries or on request).
/// </summary>
/// <param name="Id">The exercise's id.</param>
/// <param name="Title">The exercise's title.</param>
/// <param name="State">The conclusion.</param>
/// <param name="Feedback">What to tell the student, in French.</param>
/// <param name="Hint">The hint, or null when it is not shown yet.</param>
/// <param name="Solution">The solution, or null while it is locked.</param>
/// <param name="Explanation">Why the answer is right (shown when passed or with the solution), or null.</param>
/// <param name="Wire">For code: what happened on the wire, one line per event.</param>
/// <param name="Tries">Wrong tries so far.</param>
public sealed record ExerciseVerdict(string Id, string Title, VerdictState State, string Feedback, string? Hint, string? Solution,
    string? Explanation, IReadOnlyList<string> Wire, int Tries) : IHtmlView
{
    /// <summary>True when the answer is right.</summary>
    public bool Passed => State == VerdictState.Passed;

    /// <inheritdoc />
    public string ToHtml()
    {
        var (color, background, mark) = State switch
        {
            VerdictState.Passed => ("#2e7d32", "#e8f5e9", "✔ Bravo !"),
            VerdictState.Wrong => ("#c62828", "#ffebee", "✘ Pas encore."),
            VerdictState.Noted => ("#1565c0", "#e3f2fd", "✎ Prédiction notée."),
            VerdictState.SolutionShown => ("#6a1b9a", "#f3e5f5", "Solution"),
            VerdictState.Problem => ("#e65100", "#fff3e0", "⚠ Vérification impossible."),
            _ => ("#616161", "#f5f5f5", "… À vous."),
        };
        var html = new System.Text.StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<div class=\"netcourse-exercise\" style=\"font-family:sans-serif;border-left:6px solid {color};background:{background};padding:6px 12px;margin:4px 0\">")
            .Append(CultureInfo.InvariantCulture, $"<div style=\"color:{color};font-weight:bold\">{mark} <span style=\"color:#333;font-weight:normal\">{HtmlText.Encode(Title)} <code style=\"color:#777;font-size:11px\">{HtmlText.Encode(Id)}</code>")
            .Append(Tries > 0 && State != VerdictState.Passed ? $" — essai n°{Tries}" : "").Append("</span></div>")
            .Append(CultureInfo.InvariantCulture, $"<div style=\"margin-top:2px\">{HtmlText.Encode(Feedback)}</div>");
        if (Wire.Count > 0)
        {
            html.Append("<div style=\"margin-top:4px;font-size:13px\"><b>Sur le réseau :</b><ol style=\"margin:2px 0 0 0;padding-left:22px\">");
            foreach (var line in Wire) html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlText.Encode(line)}</li>");
            html.Append("</ol></div>");
        }
        if (State == VerdictState.Passed && Explanation is { Length: > 0 })
            html.Append(CultureInfo.InvariantCulture, $"<div style=\"margin-top:4px\"><b>Pourquoi :</b> {HtmlText.Encode(Explanation)}</div>");
        if (Hint is { Length: > 0 } && State != VerdictState.Passed)
            html.Append(CultureInfo.InvariantCulture, $"<div style=\"margin-top:4px\"><b>Indice :</b> {HtmlText.Encode(Hint)}</div>");
        if (Solution is { Length: > 0 } && State != VerdictState.Passed)
        {
            html.Append(SolutionToggle.Open(State == VerdictState.SolutionShown)).Append(SolutionToggle.Block(Solution));
            if (Explanation is { Length: > 0 })
                html.Append(CultureInfo.InvariantCulture, $"<div style=\"margin-top:4px\">{HtmlText.Encode(Explanation)}</div>");
            html.Append("</details>");
        }
        return html.Append("</div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var mark = State switch { VerdictState.Passed => "✔", VerdictState.Wrong => "✘", VerdictState.Noted => "✎", _ => "…" };
        var text = $"{mark} {Title} ({Id}) : {Feedback}";
        if (Wire.Count > 0) text += "\n  " + string.Join("\n  ", Wire);
        if (Hint is { Length: > 0 } && !Passed) text += $"\n  Indice : {Hint}";
        if (Solution is { Length: > 0 } && !Passed) text += $"\n  Solution : {Solution}";
        return text;
    }
}
