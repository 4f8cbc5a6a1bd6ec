namespace NetCourse.Dissection;

/// <summary>
/// Walks the TCP options between <c>start</c> and <c>end</c> of a frame without allocating: yields each option but NOP
/// (kind 1) as (kind, offset, length), stops at End-of-options (kind 0) or at the first option whose length is impossible,
/// as Wireshark does. One walker serves the dissector's fields, the window-scale lookup and the Info text.
/// </summary>
internal ref struct TcpOptionWalker
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly int _end;
    private int _next;

    public TcpOptionWalker(ReadOnlySpan<byte> frame, int start, int end)
    {
        _frame = frame;
        _end = Math.Min(end, frame.Length);
        _next = start;
        Current = default;
    }

    public (byte Kind, int Offset, int Length) Current { get; private set; }

    public readonly TcpOptionWalker GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_next < _end)
        {
            var kind = _frame[_next];
            if (kind == 0)
                return false;
            if (kind == 1)
            {
                _next++;
                continue;
            }
            if (_next + 1 >= _end)
                return false;
            int length = _frame[_next + 1];
            if (length < 2 || _next + length > _end)
                return false;
            Current = (kind, _next, length);
            _next += length;
            return true;
        }
        return false;
    }
}
