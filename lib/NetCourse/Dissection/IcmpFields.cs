namespace NetCourse.Dissection;

/// <summary>Offsets in an ICMP or ICMPv6 header (echo identifier and sequence; the quoted packet of an error).</summary>
internal static class IcmpFields
{
    public const int Type = 0;
    public const int Code = 1;
    public const int Checksum = 2;
    public const int Identifier = 4;
    public const int Sequence = 6;
    public const int HeaderLength = 8;
}
