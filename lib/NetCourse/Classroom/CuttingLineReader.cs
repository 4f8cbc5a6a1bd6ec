using System.Text;

namespace NetCourse.Classroom;

/// <summary>
/// Reads UTF-8 lines ending in \n (an optional \r is dropped). A line longer than the limit is cut: its first bytes
/// (up to a whole character) come back marked as cut, the rest is read and thrown away up to the next \n, so a 2 MB
/// line costs the server a 1 KiB string, never 2 MB of memory.
/// </summary>
internal sealed class CuttingLineReader(Func<Memory<byte>, ValueTask<int>> receive, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[Math.Max(maxLineBytes + 2, 16 * 1024)];
    private int _start, _end;
    private bool _discarding;

    /// <summary>The next line and whether it was cut, or null when the peer closed (an unfinished last line is dropped).</summary>
    public async ValueTask<(string Text, bool WasCut)?> ReadLineAsync()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var lineStart = _start;
                _start = newline + 1;
                if (_discarding)
                {
                    _discarding = false;
                    continue;
                }
                var length = newline - lineStart;
                if (length > 0 && _buffer[newline - 1] == '\r') length--;
                return length > maxLineBytes ? (Cut(lineStart), true) : (Encoding.UTF8.GetString(_buffer, lineStart, length), false);
            }
            if (_discarding)
            {
                _start = _end = 0;
            }
            else if (_end - _start > maxLineBytes)
            {
                var text = Cut(_start);
                _start = _end = 0;
                _discarding = true;
                return (text, true);
            }
            else if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var n = await receive(_buffer.AsMemory(_end)).ConfigureAwait(false);
            if (n == 0) return null;
            _end += n;
        }
    }

    private string Cut(int from)
    {
        var length = maxLineBytes;
        // Back up to the start of a character: never split a multi-byte UTF-8 sequence.
        while (length > 0 && (_buffer[from + length] & 0xC0) == 0x80) length--;
        return Encoding.UTF8.GetString(_buffer, from, length);
    }
}
