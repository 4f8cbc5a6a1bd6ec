namespace NetCourse.Dissection;

/// <summary>Shortcuts for the notebooks: Wireshark's packet list in Wireshark's colours, a packet's panes.</summary>
public static class PacketViews
{
    /// <summary>The colours of the first of Wireshark's default colouring rules that <paramref name="packet"/> matches, or null.</summary>
    public static PacketColor? WiresharkColors(DissectedPacket packet)
    {
        var rule = ColoringRules.Default.Match(packet);
        return rule is null ? null : new PacketColor(rule.Name, rule.Foreground, rule.Background);
    }

    /// <summary>The packet list, coloured with Wireshark's default rules.</summary>
    public static PacketListView List(IReadOnlyList<DissectedPacket> packets, int maxRows = 300, string caption = "") =>
        new(packets, WiresharkColors, maxRows, caption);

    /// <summary>Details tree and bytes of the packet numbered <paramref name="number"/> (No. column), or null when there is none.</summary>
    public static PacketInspector? Inspect(IReadOnlyList<DissectedPacket> packets, long number, LayerKind selected = LayerKind.Transport)
    {
        var packet = packets.FirstOrDefault(p => p.Number == number);
        return packet is null ? null : new PacketInspector(packet, selected);
    }
}
