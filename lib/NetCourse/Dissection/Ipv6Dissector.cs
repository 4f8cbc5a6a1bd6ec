using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>IPv6: the fixed header, the extension headers (hop-by-hop, routing, fragment, destination options), then the IP protocol table.</summary>
internal static class Ipv6Dissector
{
    private const int MaxExtensionHeaders = 8;

    public static void Dissect(FrameCursor c, ColumnView view, int offset, bool inner = false)
    {
        var layer = c.Begin(LayerKind.Network, "ipv6", "Internet Protocol Version 6", offset);
        if (!inner)
            view.Protocol = "IPv6";
        if (!c.Need(offset, 4))
            return;
        var first = c.U32(offset + Ipv6Fields.VersionClassFlow);
        c.AddInt("ipv6.version", first >> 28, offset, 1);
        c.AddHex("ipv6.tclass", (first >> 20) & 0xff, 2, offset, 2);
        c.AddHex("ipv6.flow", first & 0xfffff, 5, offset + 1, 3);
        if (!c.Need(offset + Ipv6Fields.PayloadLength, 4))
            return;
        int payloadLength = c.U16(offset + Ipv6Fields.PayloadLength);
        c.AddInt("ipv6.plen", payloadLength, offset + Ipv6Fields.PayloadLength, 2);
        int next = c.U8(offset + Ipv6Fields.NextHeader);
        c.AddInt("ipv6.nxt", next, offset + Ipv6Fields.NextHeader, 1);
        c.AddInt("ipv6.hlim", c.U8(offset + Ipv6Fields.HopLimit), offset + Ipv6Fields.HopLimit, 1);
        int source = offset + Ipv6Fields.Source, destination = offset + Ipv6Fields.Destination;
        if (!c.Need(source, Ipv6Fields.AddressLength))
            return;
        c.AddAddress("ipv6.src", "ipv6.addr", source, Ipv6Fields.AddressLength);
        if (!inner)
            view.SetSource(source, Ipv6Fields.AddressLength);
        if (!c.Need(destination, Ipv6Fields.AddressLength))
            return;
        c.AddAddress("ipv6.dst", "ipv6.addr", destination, Ipv6Fields.AddressLength);
        if (!inner)
        {
            view.SetDestination(destination, Ipv6Fields.AddressLength);
            c.NetSource = c.AddressKey(source, Ipv6Fields.AddressLength);
            c.NetDestination = c.AddressKey(destination, Ipv6Fields.AddressLength);
        }
        else
        {
            c.QuotedNetSource = c.AddressKey(source, Ipv6Fields.AddressLength);
            c.QuotedNetDestination = c.AddressKey(destination, Ipv6Fields.AddressLength);
        }
        layer.TitleBuilder = static l => $"Internet Protocol Version 6, Src: {l.Text("ipv6.src")}, Dst: {l.Text("ipv6.dst")}";
        var end = offset + Ipv6Fields.HeaderLength + payloadLength;
        if (!inner || c.ReportedEnd > end)
            c.ReportedEnd = Math.Min(c.ReportedEnd, end);
        var p = offset + Ipv6Fields.HeaderLength;
        for (var hops = 0; hops < MaxExtensionHeaders && IsExtension(next); hops++)
        {
            if (!c.Need(p, 2))
                return;
            var length = next == Ipv6Fields.Fragment ? Ipv6Fields.FragmentHeaderLength : (c.U8(p + Ipv6Fields.ExtensionLength) + 1) * 8;
            if (next == Ipv6Fields.Fragment)
            {
                if (!c.Need(p, Ipv6Fields.FragmentHeaderLength))
                    return;
                var fragment = c.U16(p + Ipv6Fields.FragmentOffsetAndFlags);
                var identification = c.U32(p + Ipv6Fields.FragmentIdentification);
                int carried = c.U8(p);
                c.Begin(LayerKind.Network, "ipv6.fraghdr", "Fragment Header for IPv6", p).Length = Ipv6Fields.FragmentHeaderLength;
                // In the order packet-ipv6.c adds them, so the details pane lists them as tshark -V does.
                c.AddInt("ipv6.fraghdr.nxt", carried, p, 1);
                c.AddHex("ipv6.fraghdr.reserved_octet", c.U8(p + 1), 2, p + 1, 1);
                c.AddInt("ipv6.fraghdr.offset", fragment >> 3, p + Ipv6Fields.FragmentOffsetAndFlags, 2);
                c.AddInt("ipv6.fraghdr.reserved_bits", (fragment & 0x6) >> 1, p + Ipv6Fields.FragmentOffsetAndFlags, 2);
                c.AddBool("ipv6.fraghdr.more", (fragment & Ipv6Fields.MoreFragmentsFlag) != 0, p + Ipv6Fields.FragmentOffsetAndFlags + 1, 1);
                c.AddHex("ipv6.fraghdr.ident", identification, 8, p + Ipv6Fields.FragmentIdentification, 4);
                if ((fragment & 0xfff9) != 0)
                {
                    var data = p + Ipv6Fields.FragmentHeaderLength;
                    var more = (fragment & Ipv6Fields.MoreFragmentsFlag) != 0;
                    if (!inner && Reassemble(c, data, end, identification, fragment & 0xfff8, more))
                    {
                        layer.Length = data - offset;
                        IpProtocolTable.Dissect(c, view, carried, data, c.ReportedEnd, inner: false, v6: true);
                        return;
                    }
                    DataDissector.Dissect(c, data, Math.Max(0, Math.Min(end, c.CapturedEnd) - data), end - data, end - data);
                    if (!inner)
                        view.Info = string.Create(CultureInfo.InvariantCulture, $"IPv6 fragment (off={fragment & 0xfff8} more={(more ? "y" : "n")} ident=0x{identification:x8} nxt={carried})");
                    return;
                }
            }
            next = c.U8(p);
            p += length;
        }
        layer.Length = p - offset;
        IpProtocolTable.Dissect(c, view, next, p, end, inner, v6: true);
    }

    private static bool IsExtension(int next) =>
        next is Ipv6Fields.HopByHop or Ipv6Fields.Routing or Ipv6Fields.Fragment or Ipv6Fields.DestinationOptions;

    /// <summary>Adds a wholly captured fragment to the capture's table; true when it completed its datagram (the cursor then reads it).</summary>
    private static bool Reassemble(FrameCursor c, int data, int end, uint identification, int fragmentOffset, bool more)
    {
        if (end > c.CapturedEnd || end < data)
            return false;
        var key = (c.NetSource, c.NetDestination, (long)identification, 0);
        var datagram = c.Capture.Fragments.Add(key, fragmentOffset, c.Data.AsSpan(data, end - data), more);
        if (datagram is null)
            return false;
        c.ContinueWithDatagram(data, datagram);
        return true;
    }
}
