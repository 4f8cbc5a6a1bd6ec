namespace NetCourse.Capture;

/// <summary>One captured frame: its bytes as captured, its length on the wire and when it was seen.</summary>
/// <param name="UnixNanoseconds">The capture timestamp, in nanoseconds since 1970-01-01 UTC.</param>
/// <param name="OriginalLength">The frame's length on the wire (may exceed <paramref name="Data"/> when the snapshot length cut it).</param>
/// <param name="Data">The captured bytes, from the first byte of the link-layer header.</param>
public sealed record CapturedFrame(long UnixNanoseconds, int OriginalLength, byte[] Data)
{
    /// <summary>The capture timestamp (UTC, 100 ns precision).</summary>
    public DateTime Timestamp => DateTime.UnixEpoch.AddTicks(UnixNanoseconds / 100);

    /// <summary>The number of bytes captured.</summary>
    public int CapturedLength => Data.Length;
}
