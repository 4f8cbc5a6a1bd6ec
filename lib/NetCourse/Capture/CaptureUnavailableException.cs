namespace NetCourse.Capture;

/// <summary>Live capture cannot start here; <see cref="Status"/> says why and how to enable it, in French.</summary>
public sealed class CaptureUnavailableException : Exception
{
    /// <summary>Creates the exception from a probe's answer.</summary>
    public CaptureUnavailableException(CaptureStatus status)
        : base($"Capture impossible : {status.Reason} {status.HowToEnable}".TrimEnd())
    {
        Status = status;
    }

    /// <summary>Why capture is impossible and how to enable it.</summary>
    public CaptureStatus Status { get; }
}
