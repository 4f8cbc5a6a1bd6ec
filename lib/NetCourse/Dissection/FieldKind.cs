namespace NetCourse.Dissection;

/// <summary>The type of a field's value, as Wireshark's display filters see it.</summary>
public enum FieldKind
{
    /// <summary>An unsigned or signed integer (ports, lengths, flags, TTL, types).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The display-filter type Wireshark calls integer.")]
    Integer,
    /// <summary>A boolean (dns.flags.response, tcp.flags.syn …); compares as 1 / 0.</summary>
    Boolean,
    /// <summary>A floating-point number (frame.time_relative).</summary>
    Number,
    /// <summary>Text (dns.qry.name, http.request.method …).</summary>
    Text,
    /// <summary>An IPv4 or IPv6 address.</summary>
    Address,
    /// <summary>An Ethernet (MAC) address, 6 bytes.</summary>
    Ethernet,
    /// <summary>Raw bytes.</summary>
    Bytes,
}
