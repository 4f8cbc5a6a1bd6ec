namespace NetCourse.Dissection;

/// <summary>Offsets and flag bits in a TCP header.</summary>
internal static class TcpFields
{
    public const int SourcePort = 0;
    public const int DestinationPort = 2;
    public const int Sequence = 4;
    public const int Acknowledgment = 8;
    public const int DataOffsetAndFlags = 12;
    public const int FlagsLow = 13;
    public const int Window = 14;
    public const int Checksum = 16;
    public const int UrgentPointer = 18;
    public const int MinHeaderLength = 20;

    public const int FlagsMask = 0x0fff;
    public const int Fin = 0x01;
    public const int Syn = 0x02;
    public const int Rst = 0x04;
    public const int Psh = 0x08;
    public const int Ack = 0x10;
    public const int Urg = 0x20;
    public const int Ece = 0x40;
    public const int Cwr = 0x80;
    public const int Ns = 0x100;
    public const int Reserved = 0xe00;
}
