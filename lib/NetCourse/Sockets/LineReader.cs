using System.Net;
using System.Text;

namespace NetCourse.Sockets;

/// <summary>Reads UTF-8 lines ending in \n (an optional \r is dropped) from a client, refusing lines longer than a limit.</summary>
internal sealed class LineReader(Func<Memory<byte>, ValueTask<int>> receive, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[maxLineBytes + 2];
    private int _start, _end;

    /// <summary>The next line, or null when the peer closed (an unfinished last line is discarded).</summary>
    /// <exception cref="ProtocolViolationException">The line is longer than the limit.</exception>
    public async ValueTask<string?> ReadLineAsync()
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r') length--;
                if (length > maxLineBytes) throw new ProtocolViolationException("ligne trop longue");
                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) throw new ProtocolViolationException("ligne trop longue");
            var n = await receive(_buffer.AsMemory(_end)).ConfigureAwait(false);
            if (n == 0) return null;
            _end += n;
        }
    }
}
