namespace NetCourse.Dissection;

/// <summary>Offsets in a UDP header (TCP's first four bytes, the ports, are at the same places).</summary>
internal static class UdpFields
{
    public const int SourcePort = 0;
    public const int DestinationPort = 2;
    public const int Length = 4;
    public const int Checksum = 6;
    public const int HeaderLength = 8;
}
