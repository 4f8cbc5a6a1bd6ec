namespace NetCourse.Dissection;

/// <summary>
/// Wireshark's sequence analysis (tcp_analyze_sequence_number in packet-tcp.c), one small rule per flag, applied in
/// Wireshark's order. A zero-window probe, a keep-alive ACK and a zero-window-probe ACK end the first series
/// (Wireshark's <c>goto finished_checking_retransmission_type</c>); the ACKed-unseen and retransmission rules
/// always run.
/// </summary>
internal static class TcpAnalysisRules
{
    /// <summary>How close (seconds) a retransmission must follow two duplicate ACKs to count as a fast retransmission.</summary>
    private const decimal FastRetransmissionWindow = 0.02m;

    /// <summary>The out-of-order threshold when no round-trip time was measured.</summary>
    private const decimal DefaultOutOfOrderThreshold = 0.003m;

    /// <summary>The analysis flags of segment <paramref name="s"/>; updates the counters some rules keep.</summary>
    public static TcpAnalysis Classify(in TcpSegmentFacts f, TcpSegment s)
    {
        if (IsZeroWindowProbe(f))
            return Finish(f, TcpAnalysis.ZeroWindowProbe);
        var a = TcpAnalysis.None;
        if (IsZeroWindow(f))
            a |= TcpAnalysis.ZeroWindow;
        if (IsLostSegment(f))
        {
            a |= TcpAnalysis.LostSegment;
            f.Forward.MaxSeqToBeAcked = f.Forward.NextSeq;
        }
        if (IsKeepAlive(f))
            a |= TcpAnalysis.KeepAlive;
        if (IsWindowUpdate(f))
            a |= TcpAnalysis.WindowUpdate;
        if (IsWindowFull(f))
            a |= TcpAnalysis.WindowFull;
        if (IsKeepAliveAck(f))
            return Finish(f, a | TcpAnalysis.KeepAliveAck);
        if (IsZeroWindowProbeAck(f))
            return Finish(f, a | TcpAnalysis.ZeroWindowProbeAck);
        if (IsDuplicateAck(f))
        {
            f.Forward.DupAckCount++;
            a |= TcpAnalysis.DuplicateAck;
            s.DuplicateAckNumber = f.Forward.DupAckCount;
            s.DuplicateAckFrame = f.Forward.DupAckFrame;
        }
        return Finish(f, a);
    }

    private static TcpAnalysis Finish(in TcpSegmentFacts f, TcpAnalysis a)
    {
        if (IsAckOfLostSegment(f, a))
        {
            a |= TcpAnalysis.AckLostSegment;
            f.Reverse.MaxSeqToBeAcked = f.Reverse.NextSeq;
        }
        if (IsResent(f, a))
            a |= RetransmissionKind(f);
        return a;
    }

    /// <summary>One byte at the expected sequence number while the peer's window is zero.</summary>
    private static bool IsZeroWindowProbe(in TcpSegmentFacts f) =>
        f.Length == 1 && f.Forward.NextSeqSet && f.Seq == f.Forward.NextSeq && f.Reverse.Window == 0;

    private static bool IsZeroWindow(in TcpSegmentFacts f) => f.Window == 0 && f.NoSynFinRst;

    /// <summary>The segment starts beyond the next expected sequence number.</summary>
    private static bool IsLostSegment(in TcpSegmentFacts f) =>
        f.Forward.NextSeqSet && Gt(f.Seq, f.Forward.NextSeq) && !f.HasRst;

    /// <summary>Zero or one byte at the next expected sequence number minus one.</summary>
    private static bool IsKeepAlive(in TcpSegmentFacts f) =>
        f.Length <= 1 && f.NoSynFinRst && f.Forward.NextSeqSet && f.Forward.NextSeq - 1 == f.Seq;

    /// <summary>A pure ACK that changes only the window.</summary>
    private static bool IsWindowUpdate(in TcpSegmentFacts f) =>
        f.Length == 0 && f.Window != 0 && f.Window != f.Forward.Window && f.Forward.Window >= 0 && IsSameAckAsLast(f) && f.NoSynFinRst;

    /// <summary>The segment fills the peer's announced window exactly.</summary>
    private static bool IsWindowFull(in TcpSegmentFacts f)
    {
        var rev = f.Reverse;
        return f.Length > 0 && rev.WindowScale != -1 && rev.LastAckSet && rev.Window >= 0
            && f.Seq + f.Length == rev.LastAck + (uint)(rev.Window << Math.Max(0, rev.WindowScale)) && f.NoSynFinRst;
    }

    /// <summary>A pure duplicate ACK answering the peer's keep-alive.</summary>
    private static bool IsKeepAliveAck(in TcpSegmentFacts f) =>
        IsUnchangedPureAck(f) && (f.Reverse.LastSegmentFlags & TcpAnalysis.KeepAlive) != 0;

    /// <summary>A pure duplicate ACK answering the peer's zero-window probe.</summary>
    private static bool IsZeroWindowProbeAck(in TcpSegmentFacts f) =>
        IsUnchangedPureAck(f) && (f.Reverse.LastSegmentFlags & TcpAnalysis.ZeroWindowProbe) != 0;

    /// <summary>A pure ACK identical to the previous one (same sequence, ACK and non-zero window).</summary>
    private static bool IsDuplicateAck(in TcpSegmentFacts f) => f.Window != 0 && IsUnchangedPureAck(f);

    /// <summary>The segment acknowledges data never seen in the other direction.</summary>
    private static bool IsAckOfLostSegment(in TcpSegmentFacts f, TcpAnalysis a) =>
        f.Reverse.MaxSeqSet && f.HasAck && Gt(f.Ack, f.Reverse.MaxSeqToBeAcked) && (a & TcpAnalysis.ZeroWindowProbeAck) == 0;

    /// <summary>Sequence space already sent in this direction is sent again (not a probe, not a keep-alive).</summary>
    private static bool IsResent(in TcpSegmentFacts f, TcpAnalysis a) =>
        (a & (TcpAnalysis.ZeroWindowProbe | TcpAnalysis.KeepAlive)) == 0 && f.TakesSequenceSpace
        && f.Forward.NextSeqSet && Lt(f.Seq, f.Forward.NextSeq);

    private static TcpAnalysis RetransmissionKind(in TcpSegmentFacts f)
    {
        if (IsSpuriousRetransmission(f))
            return TcpAnalysis.SpuriousRetransmission;
        if (IsFastRetransmission(f))
            return TcpAnalysis.FastRetransmission;
        if (IsOutOfOrder(f))
            return TcpAnalysis.OutOfOrder;
        return TcpAnalysis.Retransmission;
    }

    /// <summary>Resent data the peer had already acknowledged.</summary>
    private static bool IsSpuriousRetransmission(in TcpSegmentFacts f) =>
        f.Length > 0 && f.Reverse.LastAckSet && Le(f.Seq + f.Length, f.Reverse.LastAck);

    /// <summary>Resent within 20 ms of the peer's second duplicate ACK asking for it.</summary>
    private static bool IsFastRetransmission(in TcpSegmentFacts f) =>
        f.Reverse.DupAckCount >= 2 && f.Reverse.LastAck == f.Seq && f.Now - f.Reverse.LastAckTime < FastRetransmissionWindow;

    /// <summary>Arrives within one round-trip time of the highest segment, filling a hole.</summary>
    private static bool IsOutOfOrder(in TcpSegmentFacts f)
    {
        var threshold = f.FirstRtt > 0 ? f.FirstRtt : DefaultOutOfOrderThreshold;
        return f.Length > 0 && f.Now - f.Forward.NextSeqTime < threshold && f.Forward.NextSeq != f.Seq + f.Length;
    }

    private static bool IsUnchangedPureAck(in TcpSegmentFacts f) =>
        f.Length == 0 && f.Window == f.Forward.Window && IsSameAckAsLast(f) && f.NoSynFinRst;

    private static bool IsSameAckAsLast(in TcpSegmentFacts f) =>
        f.Forward.NextSeqSet && f.Seq == f.Forward.NextSeq && f.Forward.LastAckSet && f.Ack == f.Forward.LastAck;

    internal static bool Gt(uint a, uint b) => (int)(a - b) > 0;

    private static bool Lt(uint a, uint b) => (int)(a - b) < 0;

    private static bool Le(uint a, uint b) => (int)(a - b) <= 0;
}
