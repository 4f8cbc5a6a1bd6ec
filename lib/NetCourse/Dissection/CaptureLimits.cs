namespace NetCourse.Dissection;

/// <summary>The caps on what <see cref="CaptureState"/> remembers (the tests set small ones to reach them).</summary>
/// <param name="OpenTcp">Open TCP conversations kept.</param>
/// <param name="ClosedTcp">Closed TCP conversations kept for their late packets.</param>
/// <param name="UdpStreams">UDP conversations kept.</param>
/// <param name="EchoRequests">ICMP echo requests kept.</param>
internal sealed record CaptureLimits(int OpenTcp, int ClosedTcp, int UdpStreams, int EchoRequests)
{
    /// <summary>The caps every dissector uses: far above what a course or test capture holds at once.</summary>
    public static CaptureLimits Default { get; } =
        new(TcpTracker.MaxOpen, TcpTracker.MaxClosed, Dissection.UdpStreams.MaxStreams, EchoRequestTable.MaxRequests);
}
