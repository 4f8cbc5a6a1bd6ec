namespace NetCourse.Dissection;

/// <summary>Offsets in the Linux cooked capture headers, v1 (16 bytes) and v2 (20 bytes).</summary>
internal static class SllFields
{
    public const int PacketType = 0;
    public const int HardwareType = 2;
    public const int AddressLength = 4;
    public const int Address = 6;
    public const int Protocol = 14;
    public const int HeaderLength = 16;

    public const int V2Protocol = 0;
    public const int V2InterfaceIndex = 4;
    public const int V2HardwareType = 8;
    public const int V2PacketType = 10;
    public const int V2AddressLength = 11;
    public const int V2Address = 12;
    public const int V2HeaderLength = 20;
}
