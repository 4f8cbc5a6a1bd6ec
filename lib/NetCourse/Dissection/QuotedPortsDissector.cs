namespace NetCourse.Dissection;

/// <summary>The start of a TCP or UDP header quoted inside an ICMP error: ports (and UDP length, TCP sequence) only.</summary>
internal static class QuotedPortsDissector
{
    public static void Dissect(FrameCursor c, int offset, string protocol, string title)
    {
        var layer = c.Begin(LayerKind.Transport, protocol, title, offset);
        if (!c.Need(offset, 4))
            return;
        layer.Length = Math.Min(UdpFields.HeaderLength, c.CapturedEnd - offset);
        var tcp = protocol == "tcp";
        int source = offset + UdpFields.SourcePort, destination = offset + UdpFields.DestinationPort;
        c.AddInt(tcp ? "tcp.srcport" : "udp.srcport", c.U16(source), source, 2);
        c.AddInt(tcp ? "tcp.dstport" : "udp.dstport", c.U16(destination), destination, 2);
        c.AddInt(tcp ? "tcp.port" : "udp.port", c.U16(source), source, 2);
        c.AddInt(tcp ? "tcp.port" : "udp.port", c.U16(destination), destination, 2);
        if (!tcp && c.Need(offset + UdpFields.Length, 2))
            c.AddInt("udp.length", c.U16(offset + UdpFields.Length), offset + UdpFields.Length, 2);
        if (!tcp)
            c.AddInt("udp.stream", c.Capture.Udp.Of(c, c.U16(source), c.U16(destination)), -1, 0);
        if (tcp && c.Need(offset + TcpFields.Sequence, 4))
            c.AddInt("tcp.seq_raw", c.U32(offset + TcpFields.Sequence), offset + TcpFields.Sequence, 4);
    }
}
