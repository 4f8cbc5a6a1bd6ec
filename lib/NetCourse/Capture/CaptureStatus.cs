namespace NetCourse.Capture;

/// <summary>Whether live capture works here, and if not, exactly why and how to enable it (in French).</summary>
/// <param name="CanCapture">True when the device opened for capture.</param>
/// <param name="Device">The device tried (for example <c>lo</c>).</param>
/// <param name="Reason">What happened, in French.</param>
/// <param name="HowToEnable">What to do to make capture possible, in French (empty when it works).</param>
public sealed record CaptureStatus(bool CanCapture, string Device, string Reason, string HowToEnable)
{
    /// <inheritdoc />
    public override string ToString() => CanCapture ? $"oui — {Reason}" : $"non — {Reason} {HowToEnable}".TrimEnd();
}
