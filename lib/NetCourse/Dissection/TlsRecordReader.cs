namespace NetCourse.Dissection;

/// <summary>
/// Reads complete TLS records into fields and Info names (packet-tls.c's dissect_ssl3_record and dissect_tls_handshake,
/// without decryption), with the subtree lines tshark -V shows: « TLSv1.3 Record Layer: Handshake Protocol: Client
/// Hello » (tls.record), « Handshake Protocol: Client Hello » (tls.handshake), « Alert Message », « Change Cipher Spec
/// Message ».
/// </summary>
/// <param name="c">The frame.</param>
/// <param name="stream">This direction's TLS state.</param>
/// <param name="application">The protocol the port says the application data carries (« Hypertext Transfer Protocol »), or null.</param>
internal sealed class TlsRecordReader(FrameCursor c, TlsStream stream, string? application)
{
    /// <summary>Below this size a handshake record is taken as plaintext (Wireshark: encryption adds at least 16 bytes).</summary>
    private const int MinEncryptedHandshake = 16;

    /// <summary>The Info column's parts, in order ("Client Hello", "Change Cipher Spec" …).</summary>
    public List<string> Names { get; } = new(4);

    /// <summary>The version of the last record read.</summary>
    public int LastVersion { get; private set; }

    private TlsSession Session => stream.Session;

    /// <param name="record">One whole record, header included.</param>
    /// <param name="offset">Where it starts in the frame, or -1 when it began in an earlier segment.</param>
    public void Read(ReadOnlySpan<byte> record, int offset)
    {
        int type = record[TlsFields.ContentType];
        var version = Read16(record, TlsFields.Version);
        var length = record.Length - TlsFields.RecordHeaderLength;
        var body = record[TlsFields.RecordHeaderLength..];
        var bodyOffset = At(offset, TlsFields.RecordHeaderLength);
        var node = c.AddNode("tls.record", "Record Layer", offset, record.Length);
        if (Session.Version == TlsFields.Tls13 && type == TlsFields.ApplicationData)
            c.AddInt("tls.record.opaque_type", type, offset, 1);
        else
            c.AddInt("tls.record.content_type", type, offset, 1);
        c.AddHex("tls.record.version", version, 4, At(offset, TlsFields.Version), 2);
        c.AddInt("tls.record.length", length, At(offset, TlsFields.Length), 2);
        LastVersion = version;
        // The record line names the connection's version once known, else this record's (packet-tls.c's local « version »).
        var shown = Session.Version != 0 ? Session.Version : version;
        if (Session.Version == 0)
            TrySetVersion(type, body, version);
        var layer = (TlsNames.Version(shown) ?? "SSL") + " Record Layer: ";
        var sessionLayer = (TlsNames.Version(Session.Version) ?? "TLS") + " Record Layer: ";
        switch (type)
        {
            case TlsFields.ChangeCipherSpec:
                Names.Add("Change Cipher Spec");
                stream.ChangeCipherSpecFrame = c.Number;
                c.Relabel(node, (TlsNames.Version(Session.Version) ?? "SSL") + " Record Layer: Change Cipher Spec Protocol: Change Cipher Spec");
                c.AddNode("tls.change_cipher_spec", "Change Cipher Spec Message", bodyOffset, length);
                break;
            case TlsFields.Alert:
                c.Relabel(node, sessionLayer + ReadAlert(body, bodyOffset));
                break;
            case TlsFields.Handshake:
                c.Relabel(node, layer + ReadHandshake(body, bodyOffset));
                break;
            case TlsFields.ApplicationData:
                Names.Add("Application Data");
                c.Relabel(node, layer + "Application Data Protocol: " + (application ?? "Application Data"));
                if (application is not null && c.Wants("tls.app_data_proto"))
                    c.AddText("tls.app_data_proto", application, -1, 0);
                break;
            default:
                Names.Add("Heartbeat");
                c.Relabel(node, layer + "Heartbeat");
                break;
        }
    }

    /// <summary>Wireshark's ssl_try_set_version: any record but a Client Hello tells the connection's version.</summary>
    private void TrySetVersion(int type, ReadOnlySpan<byte> body, int version)
    {
        if (version is < 0x0300 or > 0x0303)
            return;
        if (type == TlsFields.Handshake && body.Length > 0 && body[0] is TlsFields.ClientHello or 3)
            return;
        Session.Version = version;
    }

    /// <returns>The end of the record's line (« Alert (Level: Fatal, Description: …) », « Encrypted Alert »).</returns>
    private string ReadAlert(ReadOnlySpan<byte> body, int offset)
    {
        var node = c.AddNode("tls.alert_message", "Alert Message", offset, body.Length);
        if (body.Length != 2)
        {
            Names.Add("Encrypted Alert");
            c.Relabel(node, "Alert Message: Encrypted Alert");
            return "Encrypted Alert";
        }
        c.AddInt("tls.alert_message.level", body[0], offset, 1);
        c.AddInt("tls.alert_message.desc", body[1], At(offset, 1), 1);
        var alert = $"Alert (Level: {TlsNames.AlertLevel(body[0])}, Description: {TlsNames.AlertDescription(body[1])})";
        Names.Add(alert);
        return alert;
    }

    /// <returns>The end of the record's line: « Handshake Protocol: » and the message's name, or « Multiple Handshake Messages ».</returns>
    private string ReadHandshake(ReadOnlySpan<byte> body, int offset)
    {
        const string Encrypted = "Encrypted Handshake Message";
        if (IsEncrypted(body))
        {
            Names.Add(Encrypted);
            c.AddNode("tls.handshake", "Handshake Protocol: " + Encrypted, offset, body.Length);
            return "Handshake Protocol: " + Encrypted;
        }
        var p = 0;
        var line = "";
        while (body.Length - p >= TlsFields.HandshakeHeaderLength)
        {
            int type = body[p];
            var length = body[p + 1] << 16 | body[p + 2] << 8 | body[p + 3];
            var name = TlsNames.Handshake(type) ?? Encrypted;
            var start = p + TlsFields.HandshakeHeaderLength;
            var complete = length <= body.Length - start;
            // tls_show_handshake_details: the first message names the record, a second one makes it « Multiple ».
            var suffix = complete ? "" : " (fragment)";
            line = p == 0 ? "Handshake Protocol: " + name + suffix : "Handshake Protocol: Multiple Handshake Messages";
            c.AddNode("tls.handshake", "Handshake Protocol: " + name + suffix, At(offset, p), complete ? TlsFields.HandshakeHeaderLength + length : body.Length - p);
            c.AddInt("tls.handshake.type", type, At(offset, p), 1);
            c.AddInt("tls.handshake.length", length, At(offset, p + 1), 3);
            if (!complete)
            {
                // A handshake message continued in the next record: only its first fragment is named.
                if (p == 0)
                    Names.Add($"[{name} Fragment]");
                return line;
            }
            Names.Add(name);
            if (type is TlsFields.ClientHello or TlsFields.ServerHello)
                new TlsHelloReader(c, Session, type == TlsFields.ServerHello).Read(body.Slice(start, length), At(offset, start));
            p = start + length;
        }
        return line;
    }

    /// <summary>Wireshark's is_encrypted_handshake_message for a record it could not decrypt.</summary>
    private bool IsEncrypted(ReadOnlySpan<byte> body)
    {
        if (body.Length < MinEncryptedHandshake)
            return false;
        if (body[..5].IndexOfAnyExcept((byte)0) < 0)
            return true; // an explicit GCM/CCM nonce of zero, not two Hello Requests
        if (stream.ChangeCipherSpecFrame != 0 && c.Number > stream.ChangeCipherSpecFrame)
            return true;
        if (TlsNames.Handshake(body[0]) is null)
            return true;
        return (body[1] << 16 | body[2] << 8 | body[3]) >= 0x010000;
    }

    internal static int Read16(ReadOnlySpan<byte> span, int at) => span[at] << 8 | span[at + 1];

    internal static int At(int offset, int delta) => offset < 0 ? -1 : offset + delta;
}
