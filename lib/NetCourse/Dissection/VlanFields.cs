namespace NetCourse.Dissection;

/// <summary>Offsets in an 802.1Q tag (after the outer EtherType).</summary>
internal static class VlanFields
{
    public const int Tci = 0;
    public const int EtherType = 2;
    public const int HeaderLength = 4;
    public const int IdMask = 0x0fff;
}
