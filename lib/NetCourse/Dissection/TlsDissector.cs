namespace NetCourse.Dissection;

/// <summary>
/// TLS records over the TCP ports Wireshark gives TLS (443, 465, 993, 995 … see <see cref="TlsNames"/>), as tshark shows them without keys (packet-tls.c): record type, version and length,
/// handshake types, the SNI, the versions of the hellos, alerts. Several records in one segment are all shown; a
/// record spread over segments is shown on the frame that completes it (earlier frames say "[TCP segment of a
/// reassembled PDU]"). From the server's Hello on, a TLS 1.3 connection's application records carry
/// <c>tls.record.opaque_type</c> instead of <c>tls.record.content_type</c>, as in tshark.
/// </summary>
internal static class TlsDissector
{
    /// <summary>True when either port is one Wireshark decodes as TLS.</summary>
    public static bool IsTlsPort(TcpSegment s) => TlsNames.IsTlsPort(s.SourcePort) || TlsNames.IsTlsPort(s.DestinationPort);

    /// <summary>
    /// False when dissect_ssl turns the payload down: a segment that starts no record in progress and opens with four
    /// printable ASCII characters (« 220-FileZilla » on port 443) is taken as clear text, not TLS.
    /// </summary>
    public static bool Accepts(TcpSegment s, ReadOnlySpan<byte> payload)
    {
        if (s.Direction?.Tls is { Pending.Length: > 0 })
            return true;
        return payload.Length <= 4 || payload[..4].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7e) >= 0;
    }

    /// <summary>
    /// Wireshark's TLS heuristic over TCP (on by default, tried when no port claims the payload): a connection already
    /// taken as TLS, or a payload that starts with a Handshake or Application Data record header of SSL 3.0 to TLS 1.2
    /// (TLS 1.3 sends 0x0301) with a sane length (packet-tls.c's is_sslv3_or_tls). The connection is TLS from then on.
    /// </summary>
    public static bool Claims(TcpSegment s, ReadOnlySpan<byte> payload)
    {
        if (s.Direction?.Tls is not null || s.ReverseDirection?.Tls is not null)
            return true;
        if (payload.Length < TlsFields.RecordHeaderLength || payload[0] is not (TlsFields.Handshake or TlsFields.ApplicationData))
            return false;
        var version = payload[1] << 8 | payload[2];
        var length = payload[3] << 8 | payload[4];
        return version is 0x0300 or 0x0301 or 0x0302 or 0x0303 or 0x0101 && length is > 0 and < 16384 + 2048;
    }

    public static void Dissect(FrameCursor c, ColumnView view, TcpSegment s, int payload, int captured)
    {
        var stream = StreamOf(s);
        var pending = stream.Pending;
        if (captured < s.PayloadLength || (s.Analysis & (TcpAnalysis.LostSegment | TcpAnalysis.OutOfOrder)) != 0)
            pending = []; // a gap: the record being reassembled can no longer be completed
        ReadOnlySpan<byte> data;
        if (pending.Length == 0)
        {
            data = c.Data.AsSpan(payload, captured);
        }
        else
        {
            var joined = new byte[pending.Length + captured];
            pending.CopyTo(joined, 0);
            c.Data.AsSpan(payload, captured).CopyTo(joined.AsSpan(pending.Length));
            data = joined;
        }
        // packet-tls.c looks the source port up first, then the destination port.
        var application = TlsNames.Application(s.SourcePort) ?? TlsNames.Application(s.DestinationPort);
        var records = new TlsRecordReader(c, stream, application);
        var pos = 0;
        ProtocolLayer? reassembled = null, inFrame = null;
        while (data.Length - pos >= TlsFields.RecordHeaderLength)
        {
            int type = data[pos], length = data[pos + TlsFields.Length] << 8 | data[pos + TlsFields.Length + 1];
            if (TlsNames.IsContentType(type) && data.Length - pos < TlsFields.RecordHeaderLength + length)
                break; // the record continues in the next segments
            var start = pos - pending.Length; // in this frame's payload; negative when the record began earlier
            if (start < 0)
                reassembled ??= c.Begin(LayerKind.Application, "tls", "Transport Layer Security", payload);
            else
                inFrame ??= c.Begin(LayerKind.Application, "tls", "Transport Layer Security", payload + start);
            var end = Math.Min(data.Length, pos + TlsFields.RecordHeaderLength + length);
            if (!TlsNames.IsContentType(type))
            {
                records.Names.Add("Continuation Data");
                pos = data.Length;
                break;
            }
            records.Read(data[pos..end], start < 0 ? -1 : payload + start);
            pos = end;
        }
        var rest = data.Length - pos;
        stream.Pending = rest is > 0 and <= TlsStream.MaxPending ? data[pos..].ToArray() : [];
        if (reassembled is not null)
            reassembled.Length = Math.Min(captured, pos - pending.Length);
        if (records.Names.Count == 0)
        {
            c.Begin(LayerKind.Application, "data", "TCP segment data", payload).Length = captured;
            view.Protocol = "TCP";
            view.Append(" [TCP segment of a reassembled PDU]");
            return;
        }
        if (rest > 0 && inFrame is null)
            inFrame = c.Begin(LayerKind.Application, "tls", "Transport Layer Security", payload + captured - rest);
        if (inFrame is not null)
            inFrame.Length = payload + captured - inFrame.Offset;
        var version = stream.Session.Version != 0 ? stream.Session.Version : records.LastVersion;
        view.Protocol = TlsNames.Version(version) ?? "SSL"; // dissect_ssl's default before any version is known
        view.Info = string.Join(", ", records.Names);
    }

    /// <summary>This direction's TLS state, sharing its session with the opposite direction.</summary>
    private static TlsStream StreamOf(TcpSegment s)
    {
        if (s.Direction is not { } direction)
            return new TlsStream(new TlsSession());
        return direction.Tls ??= new TlsStream(s.ReverseDirection?.Tls?.Session ?? new TlsSession());
    }
}
