using NetCourse.Html;

namespace NetCourse.Course;

/// <summary>The first output of every chapter: its number and title, and the inlined plotly.js its charts use.</summary>
/// <param name="Number">The chapter's number.</param>
/// <param name="Title">The chapter's title, in French.</param>
/// <param name="LibraryVersion">The NetCourse version the kernel loaded.</param>
public sealed record ChapterBanner(int Number, string Title, string LibraryVersion) : IHtmlView
{
    /// <inheritdoc />
    public string ToHtml() =>
        $"<div class=\"netcourse-banner\" style=\"font-family:sans-serif;border-left:6px solid #1565c0;padding:6px 12px;background:#eef4fb\">"
        + $"<div style=\"font-size:12px;color:#555\">NetCourse {HtmlText.Encode(LibraryVersion)} — chapitre {Number}</div>"
        + $"<div style=\"font-size:20px;font-weight:bold\">{HtmlText.Encode(Title)}</div>"
        + "<div style=\"font-size:12px;color:#555\">Bibliothèque chargée ; les graphiques fonctionnent sans réseau.</div></div>"
        + PlotlyRuntime.Instance.ToHtml();

    /// <inheritdoc />
    public override string ToString() => $"NetCourse {LibraryVersion} — chapitre {Number} : {Title}";
}
