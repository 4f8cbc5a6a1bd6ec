using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>How the analysis flags show: the <c>tcp.analysis.*</c> fields and the Info column's bracketed prefix.</summary>
internal static class TcpAnalysisFields
{
    /// <summary>The Info prefix, in tshark's order ("[TCP Retransmission] " …).</summary>
    public static string Prefix(TcpAnalysis a, TcpSegment s)
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
    public static void Add(FrameCursor c, TcpSegment s)
    {
        var a = s.Analysis;
        if (a == TcpAnalysis.None)
            return;
        c.AddPresent("tcp.analysis", "1");
        c.AddPresent("tcp.analysis.flags", "1");
        Flag(c, a, TcpAnalysis.LostSegment, "tcp.analysis.lost_segment");
        Flag(c, a, TcpAnalysis.AckLostSegment, "tcp.analysis.ack_lost_segment");
        Flag(c, a, TcpAnalysis.KeepAlive, "tcp.analysis.keep_alive");
        Flag(c, a, TcpAnalysis.KeepAliveAck, "tcp.analysis.keep_alive_ack");
        if ((a & TcpAnalysis.DuplicateAck) != 0)
        {
            // tshark lists this field twice: the flag, then (after the number and frame) the expert item.
            c.AddPresent("tcp.analysis.duplicate_ack", "1");
            c.AddInt("tcp.analysis.duplicate_ack_num", s.DuplicateAckNumber, -1, 0);
            c.AddInt("tcp.analysis.duplicate_ack_frame", s.DuplicateAckFrame, -1, 0);
            c.AddPresent("tcp.analysis.duplicate_ack", "1");
        }
        Flag(c, a, TcpAnalysis.ZeroWindowProbe, "tcp.analysis.zero_window_probe");
        Flag(c, a, TcpAnalysis.ZeroWindowProbeAck, "tcp.analysis.zero_window_probe_ack");
        Flag(c, a, TcpAnalysis.ZeroWindow, "tcp.analysis.zero_window");
        Flag(c, a, TcpAnalysis.WindowUpdate, "tcp.analysis.window_update");
        Flag(c, a, TcpAnalysis.WindowFull, "tcp.analysis.window_full");
        Flag(c, a, TcpAnalysis.OutOfOrder, "tcp.analysis.out_of_order");
        Flag(c, a, TcpAnalysis.SpuriousRetransmission, "tcp.analysis.spurious_retransmission");
        Flag(c, a, TcpAnalysis.FastRetransmission, "tcp.analysis.fast_retransmission");
        Flag(c, a, TcpAnalysis.Retransmission | TcpAnalysis.FastRetransmission | TcpAnalysis.SpuriousRetransmission, "tcp.analysis.retransmission");
    }

    private static void Flag(FrameCursor c, TcpAnalysis a, TcpAnalysis flag, string name)
    {
        if ((a & flag) != 0)
            c.AddPresent(name, "1");
    }
}
