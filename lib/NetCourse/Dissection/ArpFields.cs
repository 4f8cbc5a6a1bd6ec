namespace NetCourse.Dissection;

/// <summary>Offsets in an ARP header; the addresses follow at <see cref="Addresses"/>, sized by the two length bytes.</summary>
internal static class ArpFields
{
    public const int HardwareType = 0;
    public const int ProtocolType = 2;
    public const int HardwareSize = 4;
    public const int ProtocolSize = 5;
    public const int Opcode = 6;
    public const int Addresses = 8;
}
