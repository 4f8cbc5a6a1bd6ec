namespace NetCourse.Dissection;

/// <summary>IGMP: named and typed (v3 membership reports told apart from v2), not decoded further.</summary>
internal static class IgmpDissector
{
    private const int V3MembershipReport = 0x22;

    public static void Dissect(FrameCursor c, ColumnView view, int offset, bool inner)
    {
        c.Begin(LayerKind.Network, "igmp", "Internet Group Management Protocol", offset);
        if (inner || !c.Need(offset, 1))
            return;
        var type = c.U8(offset);
        view.Protocol = "IGMPv" + (type == V3MembershipReport ? "3" : "2");
        c.AddHex("igmp.type", type, 2, offset, 1);
        view.Info = "IGMP";
    }
}
