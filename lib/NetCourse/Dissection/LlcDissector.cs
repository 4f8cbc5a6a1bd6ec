namespace NetCourse.Dissection;

/// <summary>802.2 LLC after an IEEE 802.3 header: SNAP (Cisco's CDP, its Info column) and the spanning tree (named, not decoded).</summary>
internal static class LlcDissector
{
    private const int SnapSap = 0xaa;
    private const int SpanningTreeSap = 0x42;
    private const int CiscoOui = 0x00000c;
    private const int CdpPid = 0x2000;

    public static void Dissect(FrameCursor c, ColumnView view, int offset)
    {
        var llc = c.Begin(LayerKind.Link, "llc", "Logical-Link Control", offset);
        view.Protocol = "LLC";
        view.Info = "Trame IEEE 802.3 / LLC (non décodée)";
        if (!c.Need(offset, EthernetFields.LlcHeaderLength))
            return;
        llc.Length = EthernetFields.LlcHeaderLength;
        var dsap = c.U8(offset + EthernetFields.LlcDsap);
        c.AddHex("llc.dsap", dsap, 2, offset + EthernetFields.LlcDsap, 1);
        c.AddHex("llc.ssap", c.U8(offset + EthernetFields.LlcSsap), 2, offset + EthernetFields.LlcSsap, 1);
        if (dsap == SnapSap && c.Need(offset + EthernetFields.SnapOui, 5))
        {
            llc.Length = EthernetFields.LlcSnapHeaderLength;
            var ouiOffset = offset + EthernetFields.SnapOui;
            var oui = (c.U16(ouiOffset) << 8) | c.U8(ouiOffset + 2);
            var pid = c.U16(offset + EthernetFields.SnapPid);
            c.AddHex("llc.oui", oui, 6, ouiOffset, 3);
            c.AddHex("llc.pid", pid, 4, offset + EthernetFields.SnapPid, 2);
            if (oui == CiscoOui && pid == CdpPid)
            {
                CdpDissector.Dissect(c, view, offset + EthernetFields.LlcSnapHeaderLength);
            }
        }
        else if (dsap == SpanningTreeSap)
        {
            c.Begin(LayerKind.Link, "stp", "Spanning Tree Protocol", offset + EthernetFields.LlcHeaderLength);
            view.Protocol = "STP";
            view.Info = "Spanning Tree";
        }
    }
}
