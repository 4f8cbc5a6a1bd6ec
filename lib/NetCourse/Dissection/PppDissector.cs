using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>PPP (optional HDLC address/control, one- or two-byte protocol), then IPv4, IPv6 or MPLS.</summary>
internal static class PppDissector
{
    private const int HdlcAddress = 0xff;
    private const int HdlcControl = 0x03;
    private const int IPv4 = 0x0021;
    private const int IPv6 = 0x0057;
    private const int Mpls = 0x0281;

    public static void Dissect(FrameCursor c, ColumnView view)
    {
        var layer = c.Begin(LayerKind.Link, "ppp", "Point-to-Point Protocol", 0);
        view.Protocol = "PPP";
        var offset = 0;
        if (!c.Need(0, 2))
            return;
        if (c.U8(0) == HdlcAddress && c.U8(1) == HdlcControl)
        {
            c.AddHex("ppp.address", HdlcAddress, 2, 0, 1);
            c.AddHex("ppp.control", HdlcControl, 2, 1, 1);
            offset = 2;
        }
        int protocol;
        if (!c.Need(offset, 1))
            return;
        if ((c.U8(offset) & 1) == 1)
        {
            protocol = c.U8(offset);
            c.AddHex("ppp.protocol", protocol, 4, offset, 1);
            offset += 1;
        }
        else
        {
            if (!c.Need(offset, 2))
                return;
            protocol = c.U16(offset);
            c.AddHex("ppp.protocol", protocol, 4, offset, 2);
            offset += 2;
        }
        layer.Length = offset;
        switch (protocol)
        {
            case IPv4:
                Ipv4Dissector.Dissect(c, view, offset);
                break;
            case IPv6:
                Ipv6Dissector.Dissect(c, view, offset);
                break;
            case Mpls:
                MplsDissector.Dissect(c, view, offset);
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", offset);
                view.Info = string.Create(CultureInfo.InvariantCulture, $"PPP protocole 0x{protocol:x4}");
                break;
        }
    }
}
