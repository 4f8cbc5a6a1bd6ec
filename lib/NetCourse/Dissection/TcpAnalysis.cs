namespace NetCourse.Dissection;

/// <summary>Wireshark's TCP sequence-analysis flags (tcp.analysis.*).</summary>
[Flags]
internal enum TcpAnalysis
{
    None = 0,
    Retransmission = 1,
    FastRetransmission = 2,
    SpuriousRetransmission = 4,
    OutOfOrder = 8,
    LostSegment = 16,
    AckLostSegment = 32,
    WindowUpdate = 64,
    WindowFull = 128,
    KeepAlive = 256,
    KeepAliveAck = 512,
    DuplicateAck = 1024,
    ZeroWindow = 2048,
    ZeroWindowProbe = 4096,
    ZeroWindowProbeAck = 8192,
}
