namespace NetCourse.Dissection;

/// <summary>Payload no dissector claims: Wireshark's "Data" layer with <c>data.data</c> and <c>data.len</c>.</summary>
internal static class DataDissector
{
    /// <param name="c">The frame.</param>
    /// <param name="offset">Where the payload starts.</param>
    /// <param name="captured">How many of its bytes were captured.</param>
    /// <param name="length">Its length on the wire.</param>
    /// <param name="lengthSpan">The bytes <c>data.len</c> points at (the whole payload for UDP, the captured part for TCP, as before the split).</param>
    public static void Dissect(FrameCursor c, int offset, int captured, int length, int lengthSpan)
    {
        c.Begin(LayerKind.Application, "data", "Data", offset).Length = captured;
        if (captured > 0)
            c.AddPayload("data.data", offset, captured);
        c.AddInt("data.len", length, offset, lengthSpan);
    }
}
