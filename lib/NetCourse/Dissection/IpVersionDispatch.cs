namespace NetCourse.Dissection;

/// <summary>Dispatch on the IP version nibble, for links that carry IP without a type field (raw IP, MPLS).</summary>
internal static class IpVersionDispatch
{
    public static void Dissect(FrameCursor c, ColumnView view, int offset)
    {
        switch (c.U8(offset) >> 4)
        {
            case 4:
                Ipv4Dissector.Dissect(c, view, offset);
                break;
            case 6:
                Ipv6Dissector.Dissect(c, view, offset);
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", offset);
                view.Info = "Version IP inconnue";
                break;
        }
    }
}
