namespace NetCourse.Dissection;

/// <summary>
/// The frame number of each ICMP or ICMPv6 echo request, by (source, destination, identifier, sequence), for the
/// reply's « (request in N) ». Bounded, so memory stays flat on a capture of any length: at most
/// <see cref="MaxRequests"/> requests are kept and the one remembered first is dropped beyond it (a request seen again
/// keeps its place). What differs from tshark, and only then: a reply to a request dropped so (more than
/// <see cref="MaxRequests"/> newer requests in between) lacks « (request in N) ».
/// </summary>
internal sealed class EchoRequestTable
{
    /// <summary>Echo requests kept (the oldest beyond it is dropped).</summary>
    public const int MaxRequests = 4096;

    private readonly Dictionary<(UInt128, UInt128, int, int), long> _frames = [];
    private readonly Queue<(UInt128, UInt128, int, int)> _order = new();
    private readonly int _maxRequests;

    /// <summary>A table with this cap (<see cref="MaxRequests"/> through <see cref="CaptureLimits.Default"/>; the tests use a small one to reach it).</summary>
    public EchoRequestTable(int maxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequests, 1);
        _maxRequests = maxRequests;
    }

    /// <summary>Requests remembered.</summary>
    internal int Count => _frames.Count;

    /// <summary>Remembers the request's frame (a later request with the same key replaces it).</summary>
    public void Remember((UInt128, UInt128, int, int) key, long frame)
    {
        // One queue entry per key: the queue and the table always hold the same keys.
        if (_frames.TryAdd(key, frame))
        {
            _order.Enqueue(key);
            if (_order.Count > _maxRequests)
                _frames.Remove(_order.Dequeue());
        }
        else
        {
            _frames[key] = frame;
        }
    }

    /// <summary>The frame of the request with this key, if it is remembered.</summary>
    public bool TryFind((UInt128, UInt128, int, int) key, out long frame) => _frames.TryGetValue(key, out frame);
}
