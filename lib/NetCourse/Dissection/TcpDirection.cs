namespace NetCourse.Dissection;

/// <summary>Sequence-analysis state of one direction of a TCP stream (Wireshark's tcp_flow_t).</summary>
internal sealed class TcpDirection
{
    public bool BaseSet;
    public uint Base;
    public uint NextSeq;
    public bool NextSeqSet;
    public decimal NextSeqTime;
    public uint LastAck;
    public bool LastAckSet;
    public decimal LastAckTime;
    public int Window = -1;
    public int WindowScale = -1;
    public int DupAckCount;
    public long DupAckFrame;
    public uint MaxSeqToBeAcked;
    public bool MaxSeqSet;
    public TcpAnalysis LastSegmentFlags;
    public bool FinSeen;
    public bool SynSeen;
    public decimal SynTime;

    /// <summary>HTTP message being reassembled in this direction (headers and the body bytes still expected).</summary>
    public HttpPending? Http;

    /// <summary>TLS records of this direction (null until a TLS port carries data).</summary>
    public TlsStream? Tls;
}
