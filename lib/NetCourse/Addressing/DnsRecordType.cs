namespace NetCourse.Addressing;

/// <summary>DNS record types the course's codec knows by name (any other number is kept as is).</summary>
public enum DnsRecordType : ushort
{
    /// <summary>An IPv4 address.</summary>
    A = 1,
    /// <summary>A name server.</summary>
    NS = 2,
    /// <summary>An alias.</summary>
    CNAME = 5,
    /// <summary>Start of authority.</summary>
    SOA = 6,
    /// <summary>Reverse lookup pointer.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The record type's name in RFC 1035 and dig.")]
    PTR = 12,
    /// <summary>Mail exchanger.</summary>
    MX = 15,
    /// <summary>Free text.</summary>
    TXT = 16,
    /// <summary>An IPv6 address.</summary>
    AAAA = 28,
    /// <summary>EDNS options pseudo-record (dig adds one).</summary>
    OPT = 41,
    /// <summary>Any type (query only).</summary>
    ANY = 255,
}
