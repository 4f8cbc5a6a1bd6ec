namespace NetCourse.Dissection;

/// <summary>Offsets in an Ethernet II / IEEE 802.3 header, and in the LLC/SNAP header that may follow it.</summary>
internal static class EthernetFields
{
    public const int Destination = 0;
    public const int Source = 6;
    public const int AddressLength = 6;

    /// <summary>EtherType, or the length of an IEEE 802.3 frame when below <see cref="MinEtherType"/>.</summary>
    public const int TypeOrLength = 12;
    public const int HeaderLength = 14;

    /// <summary>Values below this are 802.3 lengths, not EtherTypes.</summary>
    public const int MinEtherType = 0x0600;

    public const int LlcDsap = 0;
    public const int LlcSsap = 1;
    public const int LlcHeaderLength = 3;
    public const int SnapOui = 3;
    public const int SnapPid = 6;
    public const int LlcSnapHeaderLength = 8;
}
