namespace NetCourse.Dissection;

/// <summary>Numbers UDP conversations in order of first appearance, as tshark's <c>udp.stream</c>.</summary>
internal sealed class UdpStreams
{
    private readonly Dictionary<(UInt128, int, UInt128, int), long> _streams = [];

    /// <summary>
    /// The stream index of the datagram from <paramref name="src"/> to <paramref name="dst"/> between the frame's network
    /// addresses — or, inside an ICMP error, the quoted datagram's (as tshark: the error joins its probe's stream).
    /// </summary>
    public long Of(FrameCursor c, int src, int dst)
    {
        var key = c.InErrorPacket
            ? ConversationKey.Of(c.QuotedNetSource, src, c.QuotedNetDestination, dst, out _)
            : ConversationKey.Of(c.NetSource, src, c.NetDestination, dst, out _);
        if (!_streams.TryGetValue(key, out var stream))
        {
            stream = _streams.Count;
            _streams[key] = stream;
        }
        return stream;
    }
}
