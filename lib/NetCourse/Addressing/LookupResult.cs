using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>The result of resolving a name with the system resolver (the C# <c>gethostbyname</c>).</summary>
/// <param name="Name">The name asked for.</param>
/// <param name="Addresses">The addresses found (empty on failure).</param>
/// <param name="ElapsedMs">How long the resolver took, in milliseconds.</param>
/// <param name="Error">Why it failed, in French, or null on success.</param>
public sealed record LookupResult(string Name, IReadOnlyList<string> Addresses, double ElapsedMs, string? Error) : IHtmlView
{
    /// <summary>True when at least one address was found.</summary>
    public bool Succeeded => Error is null && Addresses.Count > 0;

    /// <inheritdoc />
    public string ToHtml()
    {
        var time = ElapsedMs.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return Succeeded
            ? $"<div style=\"font-family:sans-serif\"><b>{HtmlText.Encode(Name)}</b> → {HtmlText.Encode(string.Join(", ", Addresses))} <span style=\"color:#666\">({time} ms)</span></div>"
            : $"<div style=\"font-family:sans-serif;color:#a00\"><b>{HtmlText.Encode(Name)}</b> : {HtmlText.Encode(Error)} <span style=\"color:#666\">({time} ms)</span></div>";
    }

    /// <inheritdoc />
    public override string ToString() => Succeeded
        ? $"{Name} → {string.Join(", ", Addresses)} ({ElapsedMs:0.0} ms)"
        : $"{Name} : {Error} ({ElapsedMs:0.0} ms)";
}
