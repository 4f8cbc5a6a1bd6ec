namespace NetCourse.Capture;

/// <summary>One frame read from a capture, before dissection.</summary>
/// <param name="Data">The captured bytes.</param>
/// <param name="LinkType">The capture's libpcap link type (1 Ethernet, 113 Linux cooked …).</param>
/// <param name="Timestamp">Seconds since the Unix epoch, at the file's precision.</param>
/// <param name="OriginalLength">The frame's length on the wire.</param>
public sealed record RawFrame(byte[] Data, int LinkType, decimal Timestamp, int OriginalLength);
