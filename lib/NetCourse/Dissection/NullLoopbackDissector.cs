using System.Buffers.Binary;

namespace NetCourse.Dissection;

/// <summary>BSD loopback (link types 0 and 108): a 4-byte address family, host order for 0, network order for 108.</summary>
internal static class NullLoopbackDissector
{
    private const int HeaderLength = 4;
    private const int FamilyInet = 2;

    public static void Dissect(FrameCursor c, ColumnView view, bool networkOrder)
    {
        var layer = c.Begin(LayerKind.Link, "null", "Null/Loopback", 0);
        view.Protocol = "NULL";
        if (!c.Need(0, HeaderLength))
            return;
        layer.Length = HeaderLength;
        var raw = c.U32(0);
        var family = networkOrder ? raw : BinaryPrimitives.ReverseEndianness(raw);
        if (!networkOrder && family > 0xffff)
            family = raw; // a big-endian capture
        c.AddInt("null.family", family, 0, HeaderLength);
        switch (family)
        {
            case FamilyInet:
                Ipv4Dissector.Dissect(c, view, HeaderLength);
                break;
            case 10 or 24 or 28 or 30: // AF_INET6 on Linux, NetBSD/OpenBSD, FreeBSD, macOS
                Ipv6Dissector.Dissect(c, view, HeaderLength);
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", HeaderLength);
                view.Info = "Null/Loopback";
                break;
        }
    }
}
