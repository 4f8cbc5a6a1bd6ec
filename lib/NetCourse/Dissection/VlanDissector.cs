namespace NetCourse.Dissection;

/// <summary>An 802.1Q tag, then the EtherType it carries.</summary>
internal static class VlanDissector
{
    public static void Dissect(FrameCursor c, ColumnView view, int offset)
    {
        if (!c.Need(offset, VlanFields.HeaderLength))
            return;
        c.Begin(LayerKind.Link, "vlan", "802.1Q Virtual LAN", offset).Length = VlanFields.HeaderLength;
        c.AddInt("vlan.id", c.U16(offset + VlanFields.Tci) & VlanFields.IdMask, offset + VlanFields.Tci, 2);
        var type = c.U16(offset + VlanFields.EtherType);
        c.AddHex("vlan.etype", type, 4, offset + VlanFields.EtherType, 2);
        EtherTypeTable.Dissect(c, view, type, offset + VlanFields.HeaderLength);
    }
}
