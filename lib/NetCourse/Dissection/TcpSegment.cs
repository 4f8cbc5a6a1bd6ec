namespace NetCourse.Dissection;

/// <summary>What the TCP tracker needs from, and gives back to, one segment.</summary>
internal sealed class TcpSegment
{
    public int SourcePort { get; init; }

    public int DestinationPort { get; init; }

    public uint Sequence { get; init; }

    public uint Acknowledgment { get; init; }

    public int Flags { get; init; }

    public int Window { get; init; }

    public int HeaderLength { get; init; }

    public int PayloadLength { get; init; }

    public long Stream { get; set; }

    public long RelativeSequence { get; set; }

    public long RelativeNextSequence { get; set; }

    public long RelativeAcknowledgment { get; set; }

    public long ScaledWindow { get; set; }

    /// <summary>The base of the other direction's sequence numbers (for relative SACK edges).</summary>
    public uint AckBase { get; set; }

    public TcpAnalysis Analysis { get; set; }

    public int DuplicateAckNumber { get; set; }

    public long DuplicateAckFrame { get; set; }

    public bool IsRetransmission => (Analysis & (TcpAnalysis.Retransmission | TcpAnalysis.FastRetransmission | TcpAnalysis.SpuriousRetransmission)) != 0;

    /// <summary>The tracker's direction state for this segment's sender (used by HTTP reassembly).</summary>
    public TcpDirection? Direction { get; set; }

    /// <summary>The opposite direction of the conversation (its TLS session is shared with this one).</summary>
    public TcpDirection? ReverseDirection { get; set; }

    public string AnalysisPrefix { get; set; } = "";

    public bool HasSyn => (Flags & 0x02) != 0;

    public bool HasFin => (Flags & 0x01) != 0;

    public bool HasRst => (Flags & 0x04) != 0;

    public bool HasAck => (Flags & 0x10) != 0;
}
