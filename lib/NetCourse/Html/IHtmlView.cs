namespace NetCourse.Html;

/// <summary>
/// A course value that knows how to show itself as HTML. The kernel extension registers one formatter per
/// such type; outside the kernel, <see cref="ToHtml"/> gives the same HTML (tests, CLI, book).
/// </summary>
public interface IHtmlView
{
    /// <summary>The value as a self-contained HTML fragment (no network needed to display it).</summary>
    string ToHtml();
}
