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

    /// <summary>RFC 4884: the quoted datagram's length in 32-bit words (0 when the sender does not say).</summary>
    public const int OriginalLength = 5;

    /// <summary>The quoted IPv4 header's total length field (8 + 2).</summary>
    public const int QuotedTotalLength = 10;

    /// <summary>How much of the quoted datagram comes before extension objects when its length is not given (RFC 4884).</summary>
    public const int QuotedBeforeExtensions = 128;
}
