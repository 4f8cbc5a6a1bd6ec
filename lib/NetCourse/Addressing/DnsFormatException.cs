namespace NetCourse.Addressing;

/// <summary>A DNS message could not be read or written (truncated, a name too long, a compression loop …). Message in French.</summary>
public sealed class DnsFormatException : Exception
{
    /// <summary>Creates the exception with its French message.</summary>
    public DnsFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with no message.</summary>
    public DnsFormatException() : base("message DNS mal formé.") { }

    /// <summary>Creates the exception with its French message and the cause.</summary>
    public DnsFormatException(string message, Exception inner) : base(message, inner) { }
}
