namespace NetCourse.Dissection;

/// <summary>What the TCP analysis rules read about one segment and the state of its two directions.</summary>
internal readonly struct TcpSegmentFacts
{
    /// <summary>The segment's raw sequence number.</summary>
    public required uint Seq { get; init; }

    /// <summary>The segment's raw acknowledgment number.</summary>
    public required uint Ack { get; init; }

    /// <summary>The payload length (Wireshark's seglen).</summary>
    public required uint Length { get; init; }

    /// <summary>The raw (unscaled) window.</summary>
    public required int Window { get; init; }

    public required bool HasAck { get; init; }

    public required bool HasRst { get; init; }

    /// <summary>SYN or FIN, each of which takes one sequence number.</summary>
    public required bool HasSynOrFin { get; init; }

    /// <summary>None of SYN, FIN, RST: most rules only look at such segments.</summary>
    public bool NoSynFinRst => !HasSynOrFin && !HasRst;

    /// <summary>The frame's time.</summary>
    public required decimal Now { get; init; }

    /// <summary>The first round-trip time measured in the handshake (0 when unknown).</summary>
    public required decimal FirstRtt { get; init; }

    /// <summary>The direction the segment travels in.</summary>
    public required TcpDirection Forward { get; init; }

    /// <summary>The opposite direction.</summary>
    public required TcpDirection Reverse { get; init; }

    /// <summary>The next sequence number this segment leads to.</summary>
    public uint NextSeq => Seq + Length + (HasSynOrFin ? 1u : 0u);

    /// <summary>The segment is seen, by Wireshark, as using sequence space (data, SYN or FIN).</summary>
    public bool TakesSequenceSpace => Length > 0 || HasSynOrFin;
}
