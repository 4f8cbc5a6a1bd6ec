namespace NetCourse.Dissection;

/// <summary>
/// Walks the TCP options between <c>start</c> and <c>end</c> of a frame without allocating: yields each option but NOP
/// (kind 1) as (kind, offset, length), stops at End-of-options (kind 0) or at the first option whose length is impossible,
/// as Wireshark does. One walker serves the dissector's fields, the window-scale lookup and the Info text.
/// </summary>
internal ref struct TcpOptionWalker
{
    private readonly ReadOnlySpan<byte> frame;
    private readonly int end;
    private int next;

    public TcpOptionWalker(ReadOnlySpan<byte> frame, int start, int end)
    {
        this.frame = frame;
        this.end = Math.Min(end, frame.Length);
        next = start;
        Current = default;
    }

    public (byte Kind, int Offset, int Length) Current { get; private set; }

    public readonly TcpOptionWalker GetEnumerator() => this;

    public bool MoveNext()
    {
        while (next < end)
        {
            var kind = frame[next];
            if (kind == 0)
                return false;
            if (kind == 1)
            {
                next++;
                continue;
            }
            if (next + 1 >= end)
                return false;
            int length = frame[next + 1];
            if (length < 2 || next + length > end)
                return false;
            Current = (kind, next, length);
            next += length;
            return true;
        }
        return false;
    }
}
