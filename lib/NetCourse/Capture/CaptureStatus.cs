using NetCourse.Html;

namespace NetCourse.Capture;

/// <summary>Whether live capture works here, and if not, exactly why and how to enable it (in French).</summary>
/// <param name="CanCapture">True when the device opened for capture.</param>
/// <param name="Device">The device tried (for example <c>lo</c>).</param>
/// <param name="Reason">What happened, in French.</param>
/// <param name="HowToEnable">What to do to make capture possible, in French (empty when it works).</param>
public sealed record CaptureStatus(bool CanCapture, string Device, string Reason, string HowToEnable) : IHtmlView
{
    /// <inheritdoc />
    public string ToHtml() => CanCapture
        ? $"<div style=\"border-left:6px solid #2e7d32;background:#e8f5e9;padding:6px 10px;font-family:sans-serif\"><b>Capture possible</b> : {HtmlText.Encode(Reason)}</div>"
        : $"<div style=\"border-left:6px solid #e65100;background:#fff3e0;padding:6px 10px;font-family:sans-serif\"><b>Capture impossible</b> : {HtmlText.Encode(Reason)}"
          + (HowToEnable.Length > 0 ? $"<br>Pour l'activer : <code>{HtmlText.Encode(HowToEnable)}</code>" : "") + "</div>";

    /// <inheritdoc />
    public override string ToString() => CanCapture ? $"oui — {Reason}" : $"non — {Reason} {HowToEnable}".TrimEnd();
}
