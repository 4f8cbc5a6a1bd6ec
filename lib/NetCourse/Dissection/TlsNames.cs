namespace NetCourse.Dissection;

/// <summary>
/// The names tshark prints for TLS versions, handshake messages and alerts (the installed Wireshark's own value
/// strings, from <see cref="WiresharkLabels"/>).
/// </summary>
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
    public static string? Handshake(int type) => WiresharkLabels.ValueString("tls.handshake.type", type);

    public static string AlertLevel(int level) => WiresharkLabels.ValueString("tls.alert_message.level", level) ?? "Unknown";

    public static string AlertDescription(int description) => WiresharkLabels.ValueString("tls.alert_message.desc", description) ?? "Unknown";
}
