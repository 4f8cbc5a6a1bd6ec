using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>UDP: the header, the stream number, then the port table for the payload.</summary>
internal static class UdpDissector
{
    public static void Dissect(FrameCursor c, ColumnView view, int offset, int end)
    {
        var layer = c.Begin(LayerKind.Transport, "udp", "User Datagram Protocol", offset);
        view.Protocol = "UDP";
        int sourceOffset = offset + UdpFields.SourcePort, destinationOffset = offset + UdpFields.DestinationPort;
        if (!c.Need(offset, UdpFields.HeaderLength))
        {
            if (c.Need(offset, 4))
            {
                c.AddInt("udp.srcport", c.U16(sourceOffset), sourceOffset, 2);
                c.AddInt("udp.dstport", c.U16(destinationOffset), destinationOffset, 2);
            }
            return;
        }
        int src = c.U16(sourceOffset), dst = c.U16(destinationOffset), length = c.U16(offset + UdpFields.Length);
        layer.Length = UdpFields.HeaderLength;
        layer.TitleBuilder = static l => $"User Datagram Protocol, Src Port: {l.Text("udp.srcport")}, Dst Port: {l.Text("udp.dstport")}";
        c.AddInt("udp.srcport", src, sourceOffset, 2);
        c.AddInt("udp.dstport", dst, destinationOffset, 2);
        c.AddInt("udp.port", src, sourceOffset, 2);
        c.AddInt("udp.port", dst, destinationOffset, 2);
        c.AddInt("udp.length", length, offset + UdpFields.Length, 2);
        c.AddHex("udp.checksum", c.U16(offset + UdpFields.Checksum), 4, offset + UdpFields.Checksum, 2);
        c.AddInt("udp.stream", c.Capture.Udp.Of(c, src, dst), -1, 0);
        // packet-udp.c: a length below 8 stops here; a length past the IP payload is flagged and the payload the
        // IP layer gives is handed on (inside an ICMP error nothing is flagged).
        if (length < UdpFields.HeaderLength)
        {
            view.Info = string.Create(CultureInfo.InvariantCulture, $"{src} → {dst} [BAD UDP LENGTH {length} < 8]");
            return;
        }
        var bad = offset + length > end && !c.InErrorPacket;
        view.Info = bad
            ? string.Create(CultureInfo.InvariantCulture, $"{src} → {dst} [BAD UDP LENGTH {length} > IP PAYLOAD LENGTH] Len={length - UdpFields.HeaderLength}")
            : string.Create(CultureInfo.InvariantCulture, $"{src} → {dst} Len={length - UdpFields.HeaderLength}");
        var payloadEnd = Math.Min(Math.Min(end, c.ReportedEnd), offset + length);
        var payload = offset + UdpFields.HeaderLength;
        var payloadLength = payloadEnd - payload;
        if (payloadLength <= 0)
            return;
        c.ReportedEnd = Math.Min(c.ReportedEnd, payloadEnd);
        PortTable.DissectUdpPayload(c, view, src, dst, payload, payloadEnd, payloadLength);
    }
}
