using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>Dispatch on an EtherType (Ethernet II, 802.1Q, Linux cooked captures).</summary>
internal static class EtherTypeTable
{
    public const int IPv4 = 0x0800;
    public const int Arp = 0x0806;
    public const int Vlan = 0x8100;
    public const int IPv6 = 0x86DD;
    public const int Mpls = 0x8847;
    public const int ConfigurationTest = 0x9000;

    public static void Dissect(FrameCursor c, ColumnView view, int type, int offset)
    {
        switch (type)
        {
            case IPv4:
                Ipv4Dissector.Dissect(c, view, offset);
                break;
            case IPv6:
                Ipv6Dissector.Dissect(c, view, offset);
                break;
            case Arp:
                ArpDissector.Dissect(c, view, offset);
                break;
            case Vlan:
                VlanDissector.Dissect(c, view, offset);
                break;
            case Mpls:
                MplsDissector.Dissect(c, view, offset);
                break;
            case ConfigurationTest:
                c.Begin(LayerKind.Link, "loop", "Configuration Test Protocol (loopback)", offset);
                view.Protocol = "LOOP";
                view.Info = "Reply";
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", offset).Length = Math.Max(0, c.CapturedEnd - offset);
                view.Protocol = string.Create(CultureInfo.InvariantCulture, $"0x{type:x4}");
                view.Info = "Ethernet II";
                break;
        }
    }
}
