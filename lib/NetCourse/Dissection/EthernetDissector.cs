namespace NetCourse.Dissection;

/// <summary>Ethernet II (then the EtherType table) or IEEE 802.3 (then LLC).</summary>
internal static class EthernetDissector
{
    public static void Dissect(FrameCursor c, ColumnView view, int offset)
    {
        var layer = c.Begin(LayerKind.Link, "eth", "Ethernet II", offset);
        view.Protocol = "Ethernet";
        int destination = offset + EthernetFields.Destination, source = offset + EthernetFields.Source;
        if (!c.Need(destination, EthernetFields.AddressLength))
            return;
        c.AddAddress("eth.dst", "eth.addr", destination, EthernetFields.AddressLength);
        if (!c.Need(source, EthernetFields.AddressLength))
            return;
        c.AddAddress("eth.src", "eth.addr", source, EthernetFields.AddressLength);
        view.SetSource(source, EthernetFields.AddressLength);
        view.SetDestination(destination, EthernetFields.AddressLength);
        layer.TitleBuilder = static l => $"Ethernet II, Src: {l.Text("eth.src")}, Dst: {l.Text("eth.dst")}";
        var typeOffset = offset + EthernetFields.TypeOrLength;
        if (!c.Need(typeOffset, 2))
            return;
        var type = c.U16(typeOffset);
        layer.Length = EthernetFields.HeaderLength;
        if (type < EthernetFields.MinEtherType)
        {
            c.AddInt("eth.len", type, typeOffset, 2);
            layer.TitleBuilder = static l => $"IEEE 802.3 Ethernet, Src: {l.Text("eth.src")}, Dst: {l.Text("eth.dst")}";
            LlcDissector.Dissect(c, view, offset + EthernetFields.HeaderLength);
            return;
        }
        c.AddHex("eth.type", type, 4, typeOffset, 2);
        EtherTypeTable.Dissect(c, view, type, offset + EthernetFields.HeaderLength);
    }
}
