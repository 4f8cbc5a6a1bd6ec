namespace NetCourse.Dissection;

/// <summary>
/// Numbers UDP conversations in order of first appearance, as tshark's <c>udp.stream</c>. Bounded, so memory stays
/// flat on a capture of any length: UDP has no close, so the <see cref="MaxStreams"/> conversations used most recently
/// are kept and the one idle the longest beyond it is forgotten. Indexes come from a counter and keep counting up.
/// What differs from tshark, and only then: a datagram (or an ICMP error quoting one) on a forgotten 4-tuple gets a new
/// index where tshark gives the old one.
/// </summary>
internal sealed class UdpStreams
{
    /// <summary>UDP conversations kept (the one idle the longest beyond it is forgotten).</summary>
    public const int MaxStreams = 65_536;

    private readonly Dictionary<(UInt128, int, UInt128, int), UdpStream> _streams = [];
    private readonly LruList<UdpStream> _recent = new();
    private readonly int _maxStreams;
    private long _nextStream;

    /// <summary>Streams numbered with this cap (<see cref="MaxStreams"/> through <see cref="CaptureLimits.Default"/>; the tests use a small one to reach it).</summary>
    public UdpStreams(int maxStreams)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStreams, 1);
        _maxStreams = maxStreams;
    }

    /// <summary>Conversations remembered.</summary>
    internal int Count => _streams.Count;

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
            stream = new UdpStream(key, _nextStream++);
            _streams[key] = stream;
        }
        _recent.Touch(stream);
        if (_recent.Count > _maxStreams && _recent.Oldest is { } oldest)
        {
            _recent.Remove(oldest);
            _streams.Remove(oldest.Key);
        }
        return stream.Index;
    }

    private sealed class UdpStream((UInt128, int, UInt128, int) key, long index) : LruEntry<UdpStream>
    {
        public (UInt128, int, UInt128, int) Key { get; } = key;

        public long Index { get; } = index;
    }
}
