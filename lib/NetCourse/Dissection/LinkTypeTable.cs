using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>Dispatch on the capture's libpcap link type: the first dissector of every frame.</summary>
internal static class LinkTypeTable
{
    public const int Null = 0;
    public const int Ethernet = 1;
    public const int PppBsd = 9;
    public const int RawBsd = 12;
    public const int RawOpenBsd = 14;
    public const int PppHdlc = 50;
    public const int Raw = 101;
    public const int Loop = 108;
    public const int LinuxSll = 113;
    public const int RawIPv4 = 228;
    public const int RawIPv6 = 229;
    public const int LinuxSll2 = 276;

    public static void Dissect(FrameCursor c, ColumnView view, int linkType)
    {
        switch (linkType)
        {
            case Ethernet:
                EthernetDissector.Dissect(c, view, 0);
                break;
            case LinuxSll:
                SllDissector.DissectV1(c, view);
                break;
            case LinuxSll2:
                SllDissector.DissectV2(c, view);
                break;
            case Null:
            case Loop:
                NullLoopbackDissector.Dissect(c, view, networkOrder: linkType == Loop);
                break;
            case Raw:
            case RawBsd:
            case RawOpenBsd:
            case RawIPv4:
            case RawIPv6:
                c.Begin(LayerKind.Link, "raw", "Raw packet data", 0).Length = 0;
                view.Protocol = "Raw";
                if (c.Need(0, 1))
                    IpVersionDispatch.Dissect(c, view, 0);
                break;
            case PppBsd:
            case PppHdlc:
                PppDissector.Dissect(c, view);
                break;
            default:
                c.Begin(LayerKind.Link, "data", $"Type de lien {linkType} non décodé", 0);
                view.Protocol = "Data";
                view.Info = string.Create(CultureInfo.InvariantCulture, $"Type de lien {linkType} non décodé");
                break;
        }
    }
}
