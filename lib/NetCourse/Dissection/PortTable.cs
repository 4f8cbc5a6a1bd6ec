namespace NetCourse.Dissection;

/// <summary>Dispatch of TCP and UDP payloads to application dissectors by port (then Data).</summary>
internal static class PortTable
{
    public const int Dns = 53;
    public const int MulticastDns = 5353;

    public static void DissectUdpPayload(FrameCursor c, ColumnView view, int src, int dst, int payload, int end, int length)
    {
        if (src is Dns or MulticastDns || dst is Dns or MulticastDns)
        {
            DnsDecoder.Dissect(c, view, payload, end, src == MulticastDns || dst == MulticastDns);
            return;
        }
        DataDissector.Dissect(c, payload, Math.Min(end, c.CapturedEnd) - payload, length, length);
    }

    public static void DissectTcpPayload(FrameCursor c, ColumnView view, TcpSegment segment, int payload, int captured)
    {
        if (HttpDecoder.Offer(c, view, segment, payload, captured))
            return;
        var span = c.Data.AsSpan(payload, captured);
        var tls = TlsDissector.Accepts(segment, span);
        if (tls && TlsDissector.IsTlsPort(segment))
        {
            TlsDissector.Dissect(c, view, segment, payload, captured);
            return;
        }
        if (segment.SourcePort == Dns || segment.DestinationPort == Dns)
        {
            // DNS over TCP: a two-byte length, then the message.
            if (span.Length >= 2 && (span[0] << 8 | span[1]) == span.Length - 2)
            {
                DnsDecoder.Dissect(c, view, payload + 2, payload + captured, false, tcpLength: payload);
                return;
            }
        }
        else if (tls && TlsDissector.Claims(segment, span))
        {
            TlsDissector.Dissect(c, view, segment, payload, captured);
            return;
        }
        DataDissector.Dissect(c, payload, captured, segment.PayloadLength, captured);
    }
}
