namespace NetCourse.Dissection;

/// <summary>An MPLS label stack (up to 16 entries, until the bottom-of-stack bit), then IP by its version nibble.</summary>
internal static class MplsDissector
{
    private const int EntryLength = 4;
    private const int MaxEntries = 16;
    private const uint BottomOfStack = 0x100;

    public static void Dissect(FrameCursor c, ColumnView view, int offset)
    {
        var layer = c.Begin(LayerKind.Link, "mpls", "MultiProtocol Label Switching Header", offset);
        view.Protocol = "MPLS";
        for (var i = 0; i < MaxEntries; i++)
        {
            if (!c.Need(offset, EntryLength))
                return;
            var entry = c.U32(offset);
            c.AddInt("mpls.label", entry >> 12, offset, 3);
            c.AddInt("mpls.ttl", entry & 0xff, offset + 3, 1);
            offset += EntryLength;
            layer.Length = offset - layer.Offset;
            if ((entry & BottomOfStack) != 0)
                break;
        }
        if (c.Need(offset, 1))
            IpVersionDispatch.Dissect(c, view, offset);
    }
}
