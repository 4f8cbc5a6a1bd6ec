using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>
/// IPv4: the header fields, the reported length the payload may use, then the IP protocol table. Inside an ICMP
/// error (<c>inner</c>) the quoted header leaves the columns alone.
/// </summary>
internal static class Ipv4Dissector
{
    public static void Dissect(FrameCursor c, ColumnView view, int offset, bool inner = false)
    {
        var layer = c.Begin(LayerKind.Network, "ip", "Internet Protocol Version 4", offset);
        if (!inner)
            view.Protocol = "IPv4";
        if (!c.Need(offset, 1))
            return;
        var version = c.U8(offset + Ipv4Fields.VersionAndHeaderLength) >> 4;
        var headerLength = (c.U8(offset + Ipv4Fields.VersionAndHeaderLength) & 0x0f) * 4;
        c.AddInt("ip.version", version, offset, 1);
        c.AddInt("ip.hdr_len", headerLength, offset, 1);
        if (version != 4 || headerLength < Ipv4Fields.MinHeaderLength)
        {
            if (!inner)
                view.Info = version != 4 ? "Bogus IP version" : string.Create(CultureInfo.InvariantCulture, $"Bogus IP header length ({headerLength}, must be at least 20)");
            return;
        }
        var p = offset + Ipv4Fields.DifferentiatedServices;
        if (!c.Need(p, 1))
            return;
        c.AddHex("ip.dsfield", c.U8(p), 2, p, 1);
        p = offset + Ipv4Fields.TotalLength;
        if (!c.Need(p, 2))
            return;
        int totalLength = c.U16(p);
        c.AddInt("ip.len", totalLength, p, 2);
        p = offset + Ipv4Fields.Identification;
        if (!c.Need(p, 2))
            return;
        c.AddHex("ip.id", c.U16(p), 4, p, 2);
        p = offset + Ipv4Fields.FlagsAndFragmentOffset;
        if (!c.Need(p, 2))
            return;
        var flagsFrag = c.U16(p);
        c.AddHex("ip.flags", flagsFrag >> 13, 2, p, 1);
        c.AddBool("ip.flags.rb", (flagsFrag & Ipv4Fields.ReservedFlag) != 0, p, 1);
        c.AddBool("ip.flags.df", (flagsFrag & Ipv4Fields.DontFragmentFlag) != 0, p, 1);
        c.AddBool("ip.flags.mf", (flagsFrag & Ipv4Fields.MoreFragmentsFlag) != 0, p, 1);
        var fragmentOffset = (flagsFrag & Ipv4Fields.FragmentOffsetMask) * 8;
        c.AddInt("ip.frag_offset", flagsFrag & Ipv4Fields.FragmentOffsetMask, p, 2);
        p = offset + Ipv4Fields.Ttl;
        if (!c.Need(p, 1))
            return;
        c.AddInt("ip.ttl", c.U8(p), p, 1);
        p = offset + Ipv4Fields.Protocol;
        if (!c.Need(p, 1))
            return;
        var protocol = c.U8(p);
        c.AddInt("ip.proto", protocol, p, 1);
        p = offset + Ipv4Fields.Checksum;
        if (!c.Need(p, 2))
            return;
        c.AddHex("ip.checksum", c.U16(p), 4, p, 2);
        int source = offset + Ipv4Fields.Source, destination = offset + Ipv4Fields.Destination;
        if (!c.Need(source, Ipv4Fields.AddressLength))
            return;
        c.AddAddress("ip.src", "ip.addr", source, Ipv4Fields.AddressLength);
        if (!inner)
            view.SetSource(source, Ipv4Fields.AddressLength);
        if (!c.Need(destination, Ipv4Fields.AddressLength))
            return;
        c.AddAddress("ip.dst", "ip.addr", destination, Ipv4Fields.AddressLength);
        if (!inner)
        {
            view.SetDestination(destination, Ipv4Fields.AddressLength);
            c.NetSource = c.AddressKey(source, Ipv4Fields.AddressLength);
            c.NetDestination = c.AddressKey(destination, Ipv4Fields.AddressLength);
        }
        else
        {
            c.QuotedNetSource = c.AddressKey(source, Ipv4Fields.AddressLength);
            c.QuotedNetDestination = c.AddressKey(destination, Ipv4Fields.AddressLength);
        }
        layer.TitleBuilder = static l => $"Internet Protocol Version 4, Src: {l.Text("ip.src")}, Dst: {l.Text("ip.dst")}";
        layer.Length = headerLength;
        if (totalLength < headerLength)
        {
            if (!inner)
                view.Info = string.Create(CultureInfo.InvariantCulture, $"Bogus IP length ({totalLength}, less than header length {headerLength})");
            return;
        }
        if (!c.Need(offset, headerLength))
            return;
        if (!inner || c.ReportedEnd > offset + totalLength)
            c.ReportedEnd = Math.Min(c.ReportedEnd, offset + totalLength);
        if ((flagsFrag & Ipv4Fields.MoreFragmentsFlag) != 0 || fragmentOffset != 0)
        {
            if (!inner && Reassemble(c, offset, headerLength, totalLength, protocol, fragmentOffset, (flagsFrag & Ipv4Fields.MoreFragmentsFlag) != 0))
            {
                IpProtocolTable.Dissect(c, view, protocol, offset + headerLength, c.ReportedEnd, inner: false, v6: false);
                return;
            }
            // A fragment that completes nothing is Data to tshark (data.data, data.len), as in the details pane.
            var start = offset + headerLength;
            DataDissector.Dissect(c, start, Math.Max(0, Math.Min(c.ReportedEnd, c.CapturedEnd) - start), totalLength - headerLength, totalLength - headerLength);
            if (!inner)
                view.Info = string.Create(CultureInfo.InvariantCulture, $"Fragmented IP protocol (proto={IpProtocolTable.Name(protocol)} {protocol}, off={fragmentOffset}, ID={c.U16(offset + Ipv4Fields.Identification):x4})");
            return;
        }
        IpProtocolTable.Dissect(c, view, protocol, offset + headerLength, offset + totalLength, inner, v6: false);
    }

    /// <summary>Adds a wholly captured fragment to the capture's table; true when it completed its datagram (the cursor then reads the datagram).</summary>
    private static bool Reassemble(FrameCursor c, int offset, int headerLength, int totalLength, int protocol, int fragmentOffset, bool more)
    {
        var payload = offset + headerLength;
        if (offset + totalLength > c.CapturedEnd)
            return false; // tshark reassembles only fragments it has whole
        var key = (c.NetSource, c.NetDestination, (long)c.U16(offset + Ipv4Fields.Identification), protocol);
        var datagram = c.Capture.Fragments.Add(key, fragmentOffset, c.Data.AsSpan(payload, offset + totalLength - payload), more);
        if (datagram is null)
            return false;
        c.ContinueWithDatagram(payload, datagram);
        return true;
    }
}
