namespace NetCourse.Dissection;

/// <summary>
/// TCP conversation state across a capture, modelled on Wireshark's packet-tcp.c: stream indexes, relative
/// sequence numbers, window scaling, then the sequence analysis (<see cref="TcpAnalysisRules"/>) and what it
/// remembers for the next segment.
/// </summary>
internal sealed class TcpTracker
{
    private readonly Dictionary<(UInt128, int, UInt128, int), TcpConversation> _conversations = [];
    private long _nextStream;

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
            conv = new TcpConversation(_nextStream++);
            _conversations[key] = conv;
        }
        return conv;
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

    private sealed class TcpConversation(long index)
    {
        public long Index { get; } = index;

        public TcpDirection Lower { get; } = new();

        public TcpDirection Upper { get; } = new();

        public bool Closed { get; set; }

        public decimal FirstRtt { get; set; }
    }
}
