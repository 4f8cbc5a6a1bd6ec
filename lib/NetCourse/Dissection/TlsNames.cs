namespace NetCourse.Dissection;

/// <summary>The names tshark prints for TLS versions, handshake messages and alerts.</summary>
internal static class TlsNames
{
    /// <summary>The Protocol column for a version (Wireshark's ssl_version_short_names), or null for an unknown one.</summary>
    public static string? Version(int version) => version switch
    {
        0x0300 => "SSLv3",
        0x0301 => "TLSv1",
        0x0302 => "TLSv1.1",
        0x0303 => "TLSv1.2",
        0x0304 => "TLSv1.3",
        _ => null,
    };

    public static bool IsContentType(int type) => type is >= TlsFields.ChangeCipherSpec and <= TlsFields.Heartbeat;

    /// <summary>Wireshark's ssl_31_handshake_type, or null for a type it does not know (then the message is taken as encrypted).</summary>
    public static string? Handshake(int type) => type switch
    {
        0 => "Hello Request",
        1 => "Client Hello",
        2 => "Server Hello",
        3 => "Hello Verify Request",
        4 => "New Session Ticket",
        5 => "End of Early Data",
        6 => "Hello Retry Request",
        8 => "Encrypted Extensions",
        11 => "Certificate",
        12 => "Server Key Exchange",
        13 => "Certificate Request",
        14 => "Server Hello Done",
        15 => "Certificate Verify",
        16 => "Client Key Exchange",
        17 => "Client Certificate Request",
        20 => "Finished",
        21 => "Certificate URL",
        22 => "Certificate Status",
        23 => "Supplemental Data",
        24 => "Key Update",
        25 => "Compressed Certificate",
        26 => "Encrypted Extensions",
        67 => "Next Protocol",
        254 => "Message Hash",
        _ => null,
    };

    public static string AlertLevel(int level) => level switch
    {
        1 => "Warning",
        2 => "Fatal",
        _ => "Unknown",
    };

    public static string AlertDescription(int description) => description switch
    {
        0 => "Close Notify",
        10 => "Unexpected Message",
        20 => "Bad Record MAC",
        40 => "Handshake Failure",
        42 => "Bad Certificate",
        43 => "Unsupported Certificate",
        44 => "Certificate Revoked",
        45 => "Certificate Expired",
        46 => "Certificate Unknown",
        47 => "Illegal Parameter",
        48 => "Unknown CA",
        50 => "Decode Error",
        51 => "Decrypt Error",
        70 => "Protocol Version",
        71 => "Insufficient Security",
        80 => "Internal Error",
        90 => "User Canceled",
        109 => "Missing Extension",
        112 => "Unrecognized Name",
        116 => "Certificate Required",
        120 => "No Application Protocol",
        _ => "Unknown",
    };
}
