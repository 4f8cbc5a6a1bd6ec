namespace NetCourse.Dissection;

/// <summary>Linux cooked captures ("any" interface), v1 and v2, then the EtherType table.</summary>
internal static class SllDissector
{
    private const int EthernetHardware = 1;
    private const int LoopbackHardware = 772;
    private const int MacLength = 6;

    public static void DissectV1(FrameCursor c, ColumnView view)
    {
        var layer = c.Begin(LayerKind.Link, "sll", "Linux cooked capture v1", 0);
        view.Protocol = "SLL";
        if (!c.Need(0, SllFields.HeaderLength))
            return;
        layer.Length = SllFields.HeaderLength;
        c.AddInt("sll.pkttype", c.U16(SllFields.PacketType), SllFields.PacketType, 2);
        var hatype = c.U16(SllFields.HardwareType);
        c.AddInt("sll.hatype", hatype, SllFields.HardwareType, 2);
        var halen = c.U16(SllFields.AddressLength);
        c.AddInt("sll.halen", halen, SllFields.AddressLength, 2);
        if (hatype is EthernetHardware or LoopbackHardware && halen == MacLength)
        {
            c.AddAddress("sll.src.eth", null, SllFields.Address, MacLength);
            view.SetSource(SllFields.Address, MacLength);
        }
        var protocol = c.U16(SllFields.Protocol);
        c.AddHex("sll.etype", protocol, 4, SllFields.Protocol, 2);
        EtherTypeTable.Dissect(c, view, protocol, SllFields.HeaderLength);
    }

    public static void DissectV2(FrameCursor c, ColumnView view)
    {
        var layer = c.Begin(LayerKind.Link, "sll", "Linux cooked capture v2", 0);
        view.Protocol = "SLL";
        if (!c.Need(0, SllFields.V2HeaderLength))
            return;
        layer.Length = SllFields.V2HeaderLength;
        var protocol = c.U16(SllFields.V2Protocol);
        c.AddHex("sll.etype", protocol, 4, SllFields.V2Protocol, 2);
        c.AddInt("sll.ifindex", c.U32(SllFields.V2InterfaceIndex), SllFields.V2InterfaceIndex, 4);
        c.AddInt("sll.hatype", c.U16(SllFields.V2HardwareType), SllFields.V2HardwareType, 2);
        c.AddInt("sll.pkttype", c.U8(SllFields.V2PacketType), SllFields.V2PacketType, 1);
        var halen = c.U8(SllFields.V2AddressLength);
        c.AddInt("sll.halen", halen, SllFields.V2AddressLength, 1);
        if (halen == MacLength)
        {
            c.AddAddress("sll.src.eth", null, SllFields.V2Address, MacLength);
            view.SetSource(SllFields.V2Address, MacLength);
        }
        EtherTypeTable.Dissect(c, view, protocol, SllFields.V2HeaderLength);
    }
}
