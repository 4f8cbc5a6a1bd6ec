namespace NetCourse.Dissection;

/// <summary>
/// TLS records over TCP port 443, as tshark shows them without keys (packet-tls.c): record type, version and length,
/// handshake types, the SNI, the versions of the hellos, alerts. Several records in one segment are all shown; a
/// record spread over segments is shown on the frame that completes it (earlier frames say "[TCP segment of a
/// reassembled PDU]"). From the server's Hello on, a TLS 1.3 connection's application records carry
/// <c>tls.record.opaque_type</c> instead of <c>tls.record.content_type</c>, as in tshark.
/// </summary>
internal static class TlsDissector
{
    public const int Port = 443;

    public static bool IsTlsPort(TcpSegment s) => s.SourcePort == Port || s.DestinationPort == Port;

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
        // Wireshark's tls.port table: port 443 carries HTTP.
        const string application = "Hypertext Transfer Protocol";
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
        view.Protocol = TlsNames.Version(version) ?? "TLS";
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
