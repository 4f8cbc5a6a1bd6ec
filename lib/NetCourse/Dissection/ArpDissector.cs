using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>ARP; the addresses are decoded for Ethernet/IPv4 (hardware size 6, protocol size 4).</summary>
internal static class ArpDissector
{
    private const int Request = 1;
    private const int Reply = 2;

    public static void Dissect(FrameCursor c, ColumnView view, int offset)
    {
        var layer = c.Begin(LayerKind.Link, "arp", "Address Resolution Protocol", offset);
        view.Protocol = "ARP";
        if (!c.Need(offset, ArpFields.Addresses))
            return;
        c.AddInt("arp.hw.type", c.U16(offset + ArpFields.HardwareType), offset + ArpFields.HardwareType, 2);
        c.AddHex("arp.proto.type", c.U16(offset + ArpFields.ProtocolType), 4, offset + ArpFields.ProtocolType, 2);
        int hlen = c.U8(offset + ArpFields.HardwareSize), plen = c.U8(offset + ArpFields.ProtocolSize);
        c.AddInt("arp.hw.size", hlen, offset + ArpFields.HardwareSize, 1);
        c.AddInt("arp.proto.size", plen, offset + ArpFields.ProtocolSize, 1);
        var opcode = c.U16(offset + ArpFields.Opcode);
        c.AddInt("arp.opcode", opcode, offset + ArpFields.Opcode, 2);
        layer.Length = ArpFields.Addresses + 2 * (hlen + plen);
        var p = offset + ArpFields.Addresses;
        string? senderMac = null, senderIp = null, targetIp = null;
        var ethIp = hlen == 6 && plen == 4;
        if (!c.Need(p, hlen))
            return;
        if (ethIp)
        {
            var v = c.Mac(p);
            senderMac = v.Display;
            c.Add("arp.src.hw_mac", v, p, 6);
        }
        p += hlen;
        if (!c.Need(p, plen))
            return;
        if (ethIp)
        {
            var v = c.IPv4(p);
            senderIp = v.Display;
            c.Add("arp.src.proto_ipv4", v, p, 4);
        }
        p += plen;
        if (!c.Need(p, hlen))
            return;
        if (ethIp)
            c.Add("arp.dst.hw_mac", c.Mac(p), p, 6);
        p += hlen;
        if (!c.Need(p, plen))
            return;
        if (ethIp)
        {
            var v = c.IPv4(p);
            targetIp = v.Display;
            c.Add("arp.dst.proto_ipv4", v, p, 4);
        }
        view.Info = opcode switch
        {
            Request when senderIp == targetIp => $"ARP Announcement for {senderIp}",
            Request => $"Who has {targetIp}? Tell {senderIp}",
            Reply => $"{senderIp} is at {senderMac}",
            _ => string.Create(CultureInfo.InvariantCulture, $"ARP opcode {opcode}"),
        };
        layer.Title = opcode == Reply ? "Address Resolution Protocol (reply)" : "Address Resolution Protocol (request)";
    }
}
