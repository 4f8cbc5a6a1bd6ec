namespace NetCourse.Addressing;

/// <summary>The DNS response code (RCODE, 4 bits of the header).</summary>
public enum DnsResponseCode
{
    /// <summary>No error.</summary>
    NoError = 0,
    /// <summary>The query was malformed (FORMERR).</summary>
    FormatError = 1,
    /// <summary>The server failed (SERVFAIL).</summary>
    ServerFailure = 2,
    /// <summary>The name does not exist (NXDOMAIN).</summary>
    NameError = 3,
    /// <summary>Not implemented (NOTIMP), e.g. an opcode other than QUERY.</summary>
    NotImplemented = 4,
    /// <summary>Refused (REFUSED), e.g. a name the server is not responsible for.</summary>
    Refused = 5,
}
