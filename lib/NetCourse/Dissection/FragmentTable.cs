namespace NetCourse.Dissection;

/// <summary>
/// IP fragment reassembly as Wireshark's reassemble.c does it for a capture read in order: fragments are kept by
/// datagram key; the fragment without "more fragments" gives the datagram's size; the frame whose fragment covers
/// the last hole gets the whole datagram. Fragments are laid out by offset and an overlapping fragment only fills
/// bytes not yet written (the earlier offset wins), so a teardrop attack reassembles as tshark shows it; bytes past
/// the datagram's size are dropped. At most <see cref="MaxDatagrams"/> datagrams wait at once (the oldest is
/// dropped), and the arrival order never holds more than twice that many keys (completed datagrams leave it), so
/// memory stays flat on any capture.
/// </summary>
internal sealed class FragmentTable
{
    public const int MaxDatagrams = 256;
    private const int MaxDatagramSize = 65535;
    private readonly Dictionary<(UInt128, UInt128, long, int), Datagram> _pending = [];
    private readonly Queue<((UInt128, UInt128, long, int) Key, long Arrival)> _arrival = new();
    private long _arrivals;

    /// <summary>Datagrams waiting for fragments.</summary>
    internal int Pending => _pending.Count;

    /// <summary>Keys kept to know which pending datagram is the oldest (stale ones included).</summary>
    internal int ArrivalOrderLength => _arrival.Count;

    /// <summary>Adds one fragment; returns the datagram's payload when this fragment completes it, else null.</summary>
    /// <param name="key">Source, destination, identification and protocol (0 for IPv6).</param>
    /// <param name="offset">The fragment's offset in bytes.</param>
    /// <param name="data">The fragment's bytes (wholly captured).</param>
    /// <param name="more">The "more fragments" flag.</param>
    public byte[]? Add((UInt128, UInt128, long, int) key, int offset, ReadOnlySpan<byte> data, bool more)
    {
        if (offset + data.Length > MaxDatagramSize)
            return null;
        if (!_pending.TryGetValue(key, out var datagram))
        {
            // Evict the oldest datagram still pending; a queued key whose datagram completed (or was replaced) is stale.
            while (_pending.Count >= MaxDatagrams && _arrival.TryDequeue(out var oldest))
            {
                if (_pending.TryGetValue(oldest.Key, out var waiting) && waiting.Arrival == oldest.Arrival)
                    _pending.Remove(oldest.Key);
            }
            datagram = new Datagram { Arrival = ++_arrivals };
            _pending[key] = datagram;
            _arrival.Enqueue((key, datagram.Arrival));
            if (_arrival.Count > 2 * MaxDatagrams)
                Compact();
        }
        datagram.Fragments.Add((offset, data.ToArray()));
        if (!more && datagram.Size < 0)
            datagram.Size = offset + data.Length;
        if (datagram.Size < 0)
            return null;
        var payload = datagram.TryAssemble();
        if (payload is not null)
            _pending.Remove(key);
        return payload;
    }

    /// <summary>Drops the stale keys of the arrival order, keeping the pending ones in order.</summary>
    private void Compact()
    {
        var live = _arrival.Where(a => _pending.TryGetValue(a.Key, out var d) && d.Arrival == a.Arrival).ToList();
        _arrival.Clear();
        foreach (var a in live)
            _arrival.Enqueue(a);
    }

    private sealed class Datagram
    {
        /// <summary>When the datagram's first fragment came (an increasing count), to tell a reused key from the old one.</summary>
        public long Arrival { get; init; }

        public List<(int Offset, byte[] Bytes)> Fragments { get; } = new(4);

        /// <summary>The size told by the last fragment, -1 until it is seen.</summary>
        public int Size { get; set; } = -1;

        public byte[]? TryAssemble()
        {
            // Stable sort by offset: at equal offsets the fragment that came first stays first, as in reassemble.c.
            var ordered = Fragments.OrderBy(f => f.Offset).ToList();
            var written = 0;
            foreach (var (offset, bytes) in ordered)
            {
                if (offset > written)
                    return null; // a hole
                written = Math.Max(written, offset + bytes.Length);
                if (written >= Size)
                    break;
            }
            if (written < Size)
                return null;
            var payload = new byte[Size];
            written = 0;
            foreach (var (offset, bytes) in ordered)
            {
                var end = Math.Min(offset + bytes.Length, Size);
                if (end <= written)
                    continue; // wholly overlapped: the bytes already written stay
                bytes.AsSpan(written - offset, end - written).CopyTo(payload.AsSpan(written));
                written = end;
                if (written == Size)
                    break;
            }
            return payload;
        }
    }
}
