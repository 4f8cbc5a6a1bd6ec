using NetCourse.Html;

namespace NetCourse.Course;

/// <summary>The verdict on a student's answer: green or red, a hint when wrong, the solution behind a click.</summary>
/// <param name="Name">The exercise's name.</param>
/// <param name="Passed">True when the answer is right.</param>
/// <param name="Feedback">What to tell the student, in French.</param>
/// <param name="Hint">A hint shown when the answer is wrong.</param>
/// <param name="Solution">The solution, hidden until the student asks for it.</param>
public sealed record ExerciseResult(string Name, bool Passed, string Feedback, string Hint, string Solution) : IHtmlView
{
    /// <inheritdoc />
    public string ToHtml()
    {
        var (color, background, mark) = Passed ? ("#2e7d32", "#e8f5e9", "✔ Bravo !") : ("#c62828", "#ffebee", "✘ Pas encore.");
        var hint = Passed || Hint.Length == 0 ? "" : $"<div style=\"margin-top:4px\"><b>Indice :</b> {HtmlText.Encode(Hint)}</div>";
        return $"<div style=\"font-family:sans-serif;border-left:6px solid {color};background:{background};padding:6px 12px\">"
               + $"<div style=\"color:{color};font-weight:bold\">{mark} <span style=\"color:#333;font-weight:normal\">({HtmlText.Encode(Name)})</span></div>"
               + $"<div>{HtmlText.Encode(Feedback)}</div>{hint}"
               + SolutionToggle.Open() + SolutionToggle.Block(Solution) + "</details></div>";
    }

    /// <inheritdoc />
    public override string ToString() => $"{(Passed ? "✔" : "✘")} {Name} : {Feedback}";
}
