using System.Collections.Frozen;

namespace NetCourse.Dissection;

/// <summary>
/// The names tshark prints for TLS versions, handshake messages and alerts (the installed Wireshark's own value
/// strings, from <see cref="WiresharkLabels"/>), and the TCP ports it decodes as TLS.
/// </summary>
internal static class TlsNames
{
    /// <summary>
    /// The TCP ports Wireshark 4.0 hands to TLS by default (<c>tshark -G decodes</c>: <c>tcp.port … tls</c>), with the
    /// protocol its <c>tls.port</c> table says the application data carries (the record line names it).
    /// </summary>
    private static readonly FrozenDictionary<int, string> Ports = new Dictionary<int, string>
    {
        [324] = "RPKI-Router Protocol",
        [443] = "Hypertext Transfer Protocol",
        [465] = "Simple Mail Transfer Protocol",
        [636] = "Lightweight Directory Access Protocol",
        [802] = "Modbus/TCP",
        [853] = "Domain Name System",
        [993] = "Internet Message Access Protocol",
        [995] = "Post Office Protocol",
        [1300] = "Q.931",
        [2221] = "EtherNet/IP (Industrial Protocol)",
        [2443] = "Skinny Client Control Protocol",
        [3249] = OmniPath,
        [3250] = OmniPath,
        [3251] = OmniPath,
        [3252] = OmniPath,
        [3496] = "DoIP (ISO13400) Protocol",
        [5061] = "Session Initiation Protocol",
        [5671] = "Advanced Message Queuing Protocol",
        [5684] = "Constrained Application Protocol",
        [5868] = "Diameter Protocol",
        [8883] = "MQ Telemetry Transport Protocol",
        [11207] = "Couchbase Protocol",
        [19999] = "Distributed Network Protocol 3.0",
        [27017] = "Mongo Wire Protocol",
    }.ToFrozenDictionary();

    private const string OmniPath = "Intel Omni-Path FE Header - Omni-Path Fabric Executive Header";

    /// <summary>True when Wireshark decodes this TCP port as TLS.</summary>
    public static bool IsTlsPort(int port) => Ports.ContainsKey(port);

    /// <summary>The protocol of the application data on a TLS port (« Hypertext Transfer Protocol » for 443), or null.</summary>
    public static string? Application(int port) => Ports.GetValueOrDefault(port);

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
