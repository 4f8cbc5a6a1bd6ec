namespace NetCourse.Dissection;

/// <summary>
/// TCP conversation state across a capture, modelled on Wireshark's packet-tcp.c: stream indexes, relative
/// sequence numbers, window scaling, then the sequence analysis (<see cref="TcpAnalysisRules"/>) and what it
/// remembers for the next segment.
/// <para>
/// Bounded, so memory stays flat on a capture of any length: a conversation closed (a RST, or a FIN seen both ways)
/// is kept while it can still get packets that tshark puts in the same stream (the last ACK, retransmitted FINs…),
/// among the <see cref="MaxClosed"/> closed conversations used most recently; an open conversation is kept among the
/// <see cref="MaxOpen"/> open ones used most recently. Beyond either cap the least recently used one is forgotten,
/// HTTP and TLS buffers with it. Stream indexes come from a counter, so they keep counting up after that.
/// What differs from tshark, and only then: a packet on a forgotten 4-tuple starts a new stream (the next index, its
/// own relative numbers, no analysis against the old stream) where tshark continues the old one; for a SYN with a
/// new initial sequence number (a new connection) that is what tshark does anyway.
/// </para>
/// </summary>
internal sealed class TcpTracker
{
    /// <summary>Closed conversations kept for their late packets (the least recently used beyond it is forgotten).</summary>
    public const int MaxClosed = 4096;

    /// <summary>Open conversations kept (the one idle the longest beyond it is forgotten).</summary>
    public const int MaxOpen = 65_536;

    private readonly Dictionary<(UInt128, int, UInt128, int), TcpConversation> _conversations = [];
    private readonly LruList<TcpConversation> _open = new();
    private readonly LruList<TcpConversation> _closed = new();
    private readonly int _maxOpen;
    private readonly int _maxClosed;
    private long _nextStream;

    /// <summary>A tracker with these caps (<see cref="MaxOpen"/> and <see cref="MaxClosed"/> through <see cref="CaptureLimits.Default"/>; the tests use small ones to reach them).</summary>
    public TcpTracker(int maxOpen, int maxClosed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOpen, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClosed, 1);
        _maxOpen = maxOpen;
        _maxClosed = maxClosed;
    }

    /// <summary>Open conversations remembered.</summary>
    internal int OpenCount => _open.Count;

    /// <summary>Closed conversations remembered.</summary>
    internal int ClosedCount => _closed.Count;

    /// <summary>Conversations remembered, open or closed (the table's size).</summary>
    internal int Count => _conversations.Count;

    /// <summary>Fills in the segment's stream, relative numbers, scaled window and analysis flags.</summary>
    public void Analyze(FrameCursor c, TcpSegment s)
    {
        var conv = Conversation(c, s, out var forward);
        var fwd = forward ? conv.Lower : conv.Upper;
        var rev = forward ? conv.Upper : conv.Lower;
        s.Stream = conv.Index;
        s.Direction = fwd;
        s.ReverseDirection = rev;
        TrackWindowScale(c, s, conv, fwd, rev);
        SetRelativeNumbers(s, fwd, rev);
        var facts = new TcpSegmentFacts
        {
            Seq = s.Sequence,
            Ack = s.Acknowledgment,
            Length = (uint)s.PayloadLength,
            Window = s.Window,
            HasAck = s.HasAck,
            HasRst = s.HasRst,
            HasSynOrFin = s.HasSyn || s.HasFin,
            Now = c.Time,
            FirstRtt = conv.FirstRtt,
            Forward = fwd,
            Reverse = rev,
        };
        var analysis = TcpAnalysisRules.Classify(facts, s);
        Remember(facts, analysis, c.Number);
        if (s.HasFin)
            fwd.FinSeen = true;
        if (s.HasRst || (fwd.FinSeen && rev.FinSeen))
            conv.Closed = true;
        KeepRecent(conv);
        s.Analysis = analysis;
        s.AnalysisPrefix = TcpAnalysisFields.Prefix(analysis, s);
    }

    /// <summary>The segment's conversation; a SYN with a new initial sequence number starts a new stream on the same ports.</summary>
    private TcpConversation Conversation(FrameCursor c, TcpSegment s, out bool forward)
    {
        var key = ConversationKey.Of(c.NetSource, s.SourcePort, c.NetDestination, s.DestinationPort, out forward);
        if (!_conversations.TryGetValue(key, out var conv)
            || (s.HasSyn && !s.HasAck && (forward ? conv.Lower : conv.Upper) is { BaseSet: true } d && d.Base != s.Sequence))
        {
            conv?.List?.Remove(conv); // a new connection on the same ports: the old stream gets no more packets
            conv = new TcpConversation(key, _nextStream++);
            _conversations[key] = conv;
        }
        return conv;
    }

    /// <summary>Marks <paramref name="conv"/> as the most recently used of its kind and forgets the oldest beyond the caps.</summary>
    private void KeepRecent(TcpConversation conv)
    {
        var recent = conv.Closed ? _closed : _open;
        recent.Touch(conv);
        if (recent.Count > (conv.Closed ? _maxClosed : _maxOpen) && recent.Oldest is { } oldest)
        {
            recent.Remove(oldest);
            _conversations.Remove(oldest.Key);
        }
    }

    /// <summary>Window scaling as announced in the SYNs; the first RTT is the SYN to the first ACK.</summary>
    private static void TrackWindowScale(FrameCursor c, TcpSegment s, TcpConversation conv, TcpDirection fwd, TcpDirection rev)
    {
        if (s.HasSyn)
        {
            fwd.SynSeen = true;
            if (!s.HasAck)
                fwd.SynTime = c.Time;
            fwd.WindowScale = FindWindowScale(c, s) ?? -2;
        }
        else if (s.HasAck && conv.FirstRtt == 0 && fwd.SynTime != 0 && rev.SynSeen)
        {
            conv.FirstRtt = c.Time - fwd.SynTime;
        }
        var scale = s.HasSyn ? -1 : (fwd.WindowScale >= 0 && rev.WindowScale >= 0 ? fwd.WindowScale : (fwd.WindowScale == -1 ? -1 : 0));
        s.ScaledWindow = scale > 0 ? (long)s.Window << scale : s.Window;
    }

    private static void SetRelativeNumbers(TcpSegment s, TcpDirection fwd, TcpDirection rev)
    {
        if (!fwd.BaseSet)
        {
            fwd.Base = s.HasSyn ? s.Sequence : s.Sequence - 1;
            fwd.BaseSet = true;
        }
        if (s.HasAck && !rev.BaseSet)
        {
            rev.Base = s.Acknowledgment - 1;
            rev.BaseSet = true;
        }
        s.RelativeSequence = (uint)(s.Sequence - fwd.Base);
        s.RelativeAcknowledgment = s.HasAck ? (uint)(s.Acknowledgment - rev.Base) : s.Acknowledgment;
        s.AckBase = rev.Base;
        var nextSeq = s.Sequence + (uint)s.PayloadLength + (s.HasSyn || s.HasFin ? 1u : 0u);
        s.RelativeNextSequence = (uint)(nextSeq - fwd.Base);
    }

    /// <summary>What the next segments are compared with (Wireshark's finished_fwd).</summary>
    private static void Remember(in TcpSegmentFacts f, TcpAnalysis a, long frame)
    {
        var fwd = f.Forward;
        var probe = (a & TcpAnalysis.ZeroWindowProbe) != 0;
        if (f.TakesSequenceSpace && (!fwd.NextSeqSet || TcpAnalysisRules.Gt(f.NextSeq, fwd.NextSeq)) && !probe)
        {
            fwd.NextSeq = f.NextSeq;
            fwd.NextSeqSet = true;
            fwd.NextSeqTime = f.Now;
        }
        if (!fwd.NextSeqSet && f.Length == 0 && f.NoSynFinRst)
        {
            fwd.NextSeq = f.Seq;
            fwd.NextSeqSet = true;
            fwd.NextSeqTime = f.Now;
        }
        if ((!fwd.MaxSeqSet || TcpAnalysisRules.Gt(fwd.NextSeq, fwd.MaxSeqToBeAcked)) && !probe && fwd.NextSeqSet)
        {
            fwd.MaxSeqToBeAcked = fwd.NextSeq;
            fwd.MaxSeqSet = true;
        }
        fwd.Window = f.Window;
        if (f.HasAck && (!fwd.LastAckSet || f.Ack != fwd.LastAck))
        {
            fwd.LastAck = f.Ack;
            fwd.LastAckSet = true;
            fwd.LastAckTime = f.Now;
            fwd.DupAckFrame = frame;
            if ((a & TcpAnalysis.DuplicateAck) == 0)
                fwd.DupAckCount = 0;
        }
        fwd.LastSegmentFlags = a;
    }

    private static int? FindWindowScale(FrameCursor c, TcpSegment s)
    {
        var tcp = c.Current!.Offset;
        var end = tcp + s.HeaderLength;
        if (end > c.CapturedEnd)
            return null;
        foreach (var (kind, offset, length) in new TcpOptionWalker(c.Data, tcp + TcpFields.MinHeaderLength, end))
        {
            if (kind == 3 && length == 3)
                return Math.Min(14, (int)c.U8(offset + 2));
        }
        return null;
    }

    private sealed class TcpConversation((UInt128, int, UInt128, int) key, long index) : LruEntry<TcpConversation>
    {
        public (UInt128, int, UInt128, int) Key { get; } = key;

        public long Index { get; } = index;

        public TcpDirection Lower { get; } = new();

        public TcpDirection Upper { get; } = new();

        public bool Closed { get; set; }

        public decimal FirstRtt { get; set; }
    }
}
