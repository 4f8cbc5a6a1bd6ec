using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>
/// TCP (and UDP) conversation state across a capture, modelled on Wireshark's packet-tcp.c: stream indexes,
/// relative sequence numbers, window scaling and the sequence analysis (retransmission, duplicate ACK, zero
/// window, out-of-order, keep-alive, window update/full, lost and ACKed-unseen segments).
/// </summary>
internal sealed class TcpTracker
{
    private const int SynFinRst = 0x07;
    private readonly Dictionary<(UInt128, int, UInt128, int), TcpConversation> _tcp = [];
    private readonly Dictionary<(UInt128, int, UInt128, int), long> _udp = [];
    private long _nextTcpStream;
    private long _nextUdpStream;

    private static (UInt128, int, UInt128, int) Key(UInt128 a, int pa, UInt128 b, int pb, out bool forward)
    {
        forward = a < b || (a == b && pa <= pb);
        return forward ? (a, pa, b, pb) : (b, pb, a, pa);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public long UdpStream(FrameCursor c, int src, int dst)
    {
        var key = Key(c.NetSource, src, c.NetDestination, dst, out _);
        if (!_udp.TryGetValue(key, out var stream))
        {
            stream = _nextUdpStream++;
            _udp[key] = stream;
        }
        return stream;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Analyze(FrameCursor c, TcpSegment s)
    {
        var key = Key(c.NetSource, s.SourcePort, c.NetDestination, s.DestinationPort, out var forward);
        if (!_tcp.TryGetValue(key, out var conv)
            || (s.HasSyn && !s.HasAck && (forward ? conv.Lower : conv.Upper) is { BaseSet: true } d && d.Base != s.Sequence))
        {
            conv = new TcpConversation(_nextTcpStream++);
            _tcp[key] = conv;
        }
        var fwd = forward ? conv.Lower : conv.Upper;
        var rev = forward ? conv.Upper : conv.Lower;
        s.Stream = conv.Index;
        s.Direction = fwd;
        var now = c.Time;
        var seq = s.Sequence;
        var ack = s.Acknowledgment;
        var flags = s.Flags;
        var seglen = (uint)s.PayloadLength;

        // Window scaling, as announced in the SYNs.
        if (s.HasSyn)
        {
            fwd.SynSeen = true;
            if (!s.HasAck)
                fwd.SynTime = now;
            var shift = FindWindowScale(c, s);
            fwd.WindowScale = shift ?? -2;
        }
        else if (s.HasAck && conv.FirstRtt == 0 && fwd.SynTime != 0 && rev.SynSeen)
        {
            conv.FirstRtt = now - fwd.SynTime;
        }
        var scale = s.HasSyn ? -1 : (fwd.WindowScale >= 0 && rev.WindowScale >= 0 ? fwd.WindowScale : (fwd.WindowScale == -1 ? -1 : 0));
        s.ScaledWindow = scale > 0 ? (long)s.Window << scale : s.Window;

        // Relative sequence numbers.
        if (!fwd.BaseSet)
        {
            fwd.Base = s.HasSyn ? seq : seq - 1;
            fwd.BaseSet = true;
        }
        if (s.HasAck && !rev.BaseSet)
        {
            rev.Base = ack - 1;
            rev.BaseSet = true;
        }
        s.RelativeSequence = (uint)(seq - fwd.Base);
        s.RelativeAcknowledgment = s.HasAck ? (uint)(ack - rev.Base) : ack;
        s.AckBase = rev.Base;
        var nextseq = seq + seglen + ((flags & 0x03) != 0 ? 1u : 0u);
        s.RelativeNextSequence = (uint)(nextseq - fwd.Base);

        // Sequence analysis (tcp_analyze_sequence_number).
        var a = TcpAnalysis.None;
        var window = s.Window;
        var noSynFinRst = (flags & SynFinRst) == 0;

        if (seglen == 1 && fwd.NextSeqSet && seq == fwd.NextSeq && rev.Window == 0)
        {
            a |= TcpAnalysis.ZeroWindowProbe;
            goto finished;
        }
        if (window == 0 && noSynFinRst)
            a |= TcpAnalysis.ZeroWindow;
        if (fwd.NextSeqSet && Gt(seq, fwd.NextSeq) && !s.HasRst)
        {
            a |= TcpAnalysis.LostSegment;
            fwd.MaxSeqToBeAcked = fwd.NextSeq;
        }
        if (seglen <= 1 && noSynFinRst && fwd.NextSeqSet && fwd.NextSeq - 1 == seq)
        {
            a |= TcpAnalysis.KeepAlive;
        }
        if (seglen == 0 && window != 0 && window != fwd.Window && fwd.Window >= 0 && fwd.NextSeqSet && seq == fwd.NextSeq
            && fwd.LastAckSet && ack == fwd.LastAck && noSynFinRst)
        {
            a |= TcpAnalysis.WindowUpdate;
        }
        if (seglen > 0 && rev.WindowScale != -1 && rev.LastAckSet && rev.Window >= 0
            && seq + seglen == rev.LastAck + (uint)(rev.Window << Math.Max(0, rev.WindowScale)) && noSynFinRst)
        {
            a |= TcpAnalysis.WindowFull;
        }
        if (seglen == 0 && window == fwd.Window && fwd.NextSeqSet && seq == fwd.NextSeq && fwd.LastAckSet && ack == fwd.LastAck
            && (rev.LastSegmentFlags & TcpAnalysis.KeepAlive) != 0 && noSynFinRst)
        {
            a |= TcpAnalysis.KeepAliveAck;
            goto finished;
        }
        if (seglen == 0 && window == fwd.Window && fwd.NextSeqSet && seq == fwd.NextSeq && fwd.LastAckSet && ack == fwd.LastAck
            && (rev.LastSegmentFlags & TcpAnalysis.ZeroWindowProbe) != 0 && noSynFinRst)
        {
            a |= TcpAnalysis.ZeroWindowProbeAck;
            goto finished;
        }
        if (seglen == 0 && window != 0 && window == fwd.Window && fwd.NextSeqSet && seq == fwd.NextSeq && fwd.LastAckSet && ack == fwd.LastAck
            && noSynFinRst)
        {
            fwd.DupAckCount++;
            a |= TcpAnalysis.DuplicateAck;
            s.DuplicateAckNumber = fwd.DupAckCount;
            s.DuplicateAckFrame = fwd.DupAckFrame;
        }

    finished:
        if (rev.MaxSeqSet && s.HasAck && Gt(ack, rev.MaxSeqToBeAcked) && (a & TcpAnalysis.ZeroWindowProbeAck) == 0)
        {
            a |= TcpAnalysis.AckLostSegment;
            rev.MaxSeqToBeAcked = rev.NextSeq;
        }
        if ((a & (TcpAnalysis.ZeroWindowProbe | TcpAnalysis.KeepAlive)) == 0 && (seglen > 0 || (flags & 0x03) != 0)
            && fwd.NextSeqSet && Lt(seq, fwd.NextSeq))
        {
            var spurious = seglen > 0 && rev.LastAckSet && Le(seq + seglen, rev.LastAck);
            if (spurious)
            {
                a |= TcpAnalysis.SpuriousRetransmission;
            }
            else if (rev.DupAckCount >= 2 && rev.LastAck == seq && now - rev.LastAckTime < 0.02m)
            {
                a |= TcpAnalysis.FastRetransmission;
            }
            else
            {
                var threshold = conv.FirstRtt > 0 ? conv.FirstRtt : 0.003m;
                if (seglen > 0 && now - fwd.NextSeqTime < threshold && fwd.NextSeq != seq + seglen)
                    a |= TcpAnalysis.OutOfOrder;
                else
                    a |= TcpAnalysis.Retransmission;
            }
        }

        // Remember what was seen (finished_fwd / finished_checking_retransmission_type).
        if ((seglen > 0 || (flags & 0x03) != 0) && (!fwd.NextSeqSet || Gt(nextseq, fwd.NextSeq))
            && (a & TcpAnalysis.ZeroWindowProbe) == 0)
        {
            fwd.NextSeq = nextseq;
            fwd.NextSeqSet = true;
            fwd.NextSeqTime = now;
        }
        if (!fwd.NextSeqSet && seglen == 0 && noSynFinRst)
        {
            fwd.NextSeq = seq;
            fwd.NextSeqSet = true;
            fwd.NextSeqTime = now;
        }
        if ((!fwd.MaxSeqSet || Gt(fwd.NextSeq, fwd.MaxSeqToBeAcked)) && (a & TcpAnalysis.ZeroWindowProbe) == 0 && fwd.NextSeqSet)
        {
            fwd.MaxSeqToBeAcked = fwd.NextSeq;
            fwd.MaxSeqSet = true;
        }
        fwd.Window = window;
        if (s.HasAck)
        {
            if (!fwd.LastAckSet || ack != fwd.LastAck)
            {
                fwd.LastAck = ack;
                fwd.LastAckSet = true;
                fwd.LastAckTime = now;
                fwd.DupAckFrame = c.Number;
                if ((a & TcpAnalysis.DuplicateAck) == 0)
                    fwd.DupAckCount = 0;
            }
        }
        fwd.LastSegmentFlags = a;
        if (s.HasFin)
            fwd.FinSeen = true;
        if (s.HasRst || (fwd.FinSeen && rev.FinSeen))
            conv.Closed = true;
        s.Analysis = a;
        s.AnalysisPrefix = Prefix(a, s);
    }

    private static int? FindWindowScale(FrameCursor c, TcpSegment s)
    {
        var tcp = c.Current!.Offset;
        var end = tcp + s.HeaderLength;
        if (end > c.CapturedEnd)
            return null;
        foreach (var (kind, offset, length) in new TcpOptionWalker(c.Data, tcp + 20, end))
        {
            if (kind == 3 && length == 3)
                return Math.Min(14, (int)c.U8(offset + 2));
        }
        return null;
    }

    private static string Prefix(TcpAnalysis a, TcpSegment s)
    {
        if (a == TcpAnalysis.None)
            return "";
        var parts = new List<string>(2);
        if ((a & TcpAnalysis.LostSegment) != 0) parts.Add("[TCP Previous segment not captured] ");
        if ((a & TcpAnalysis.SpuriousRetransmission) != 0) parts.Add("[TCP Spurious Retransmission] ");
        else if ((a & TcpAnalysis.FastRetransmission) != 0) parts.Add("[TCP Fast Retransmission] ");
        else if ((a & TcpAnalysis.Retransmission) != 0) parts.Add("[TCP Retransmission] ");
        if ((a & TcpAnalysis.OutOfOrder) != 0) parts.Add("[TCP Out-Of-Order] ");
        if ((a & TcpAnalysis.AckLostSegment) != 0) parts.Add("[TCP ACKed unseen segment] ");
        if ((a & TcpAnalysis.WindowUpdate) != 0) parts.Add("[TCP Window Update] ");
        if ((a & TcpAnalysis.WindowFull) != 0) parts.Add("[TCP Window Full] ");
        if ((a & TcpAnalysis.KeepAlive) != 0) parts.Add("[TCP Keep-Alive] ");
        if ((a & TcpAnalysis.KeepAliveAck) != 0) parts.Add("[TCP Keep-Alive ACK] ");
        if ((a & TcpAnalysis.DuplicateAck) != 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"[TCP Dup ACK {s.DuplicateAckFrame}#{s.DuplicateAckNumber}] "));
        if ((a & TcpAnalysis.ZeroWindowProbe) != 0) parts.Add("[TCP ZeroWindowProbe] ");
        if ((a & TcpAnalysis.ZeroWindowProbeAck) != 0) parts.Add("[TCP ZeroWindowProbeAck] ");
        if ((a & TcpAnalysis.ZeroWindow) != 0) parts.Add("[TCP ZeroWindow] ");
        return string.Concat(parts);
    }

    /// <summary>Adds the tcp.analysis.* fields, as tshark shows them (present fields print "1").</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddAnalysisFields(FrameCursor c, TcpSegment s)
    {
        var a = s.Analysis;
        if (a == TcpAnalysis.None)
            return;
        c.AddPresent("tcp.analysis", "1");
        c.AddPresent("tcp.analysis.flags", "1");
        void Flag(TcpAnalysis flag, string name)
        {
            if ((a & flag) != 0)
                c.AddPresent(name, "1");
        }
        Flag(TcpAnalysis.LostSegment, "tcp.analysis.lost_segment");
        Flag(TcpAnalysis.AckLostSegment, "tcp.analysis.ack_lost_segment");
        Flag(TcpAnalysis.KeepAlive, "tcp.analysis.keep_alive");
        Flag(TcpAnalysis.KeepAliveAck, "tcp.analysis.keep_alive_ack");
        if ((a & TcpAnalysis.DuplicateAck) != 0)
        {
            // tshark lists this field twice (the flag and the expert item).
            c.AddPresent("tcp.analysis.duplicate_ack", "1");
            c.AddPresent("tcp.analysis.duplicate_ack", "1");
            c.AddInt("tcp.analysis.duplicate_ack_num", s.DuplicateAckNumber, -1, 0);
            c.AddInt("tcp.analysis.duplicate_ack_frame", s.DuplicateAckFrame, -1, 0);
        }
        Flag(TcpAnalysis.ZeroWindowProbe, "tcp.analysis.zero_window_probe");
        Flag(TcpAnalysis.ZeroWindowProbeAck, "tcp.analysis.zero_window_probe_ack");
        Flag(TcpAnalysis.ZeroWindow, "tcp.analysis.zero_window");
        Flag(TcpAnalysis.WindowUpdate, "tcp.analysis.window_update");
        Flag(TcpAnalysis.WindowFull, "tcp.analysis.window_full");
        Flag(TcpAnalysis.OutOfOrder, "tcp.analysis.out_of_order");
        Flag(TcpAnalysis.SpuriousRetransmission, "tcp.analysis.spurious_retransmission");
        Flag(TcpAnalysis.FastRetransmission, "tcp.analysis.fast_retransmission");
        Flag(TcpAnalysis.Retransmission | TcpAnalysis.FastRetransmission | TcpAnalysis.SpuriousRetransmission, "tcp.analysis.retransmission");
    }

    private static bool Gt(uint a, uint b) => (int)(a - b) > 0;

    private static bool Lt(uint a, uint b) => (int)(a - b) < 0;

    private static bool Le(uint a, uint b) => (int)(a - b) <= 0;

    private sealed class TcpConversation(long index)
    {
        public long Index { get; } = index;

        public TcpDirection Lower { get; } = new();

        public TcpDirection Upper { get; } = new();

        public bool Closed { get; set; }

        public decimal FirstRtt { get; set; }
    }
}
