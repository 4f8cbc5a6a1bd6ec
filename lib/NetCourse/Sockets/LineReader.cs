using System.Net;
using System.Text;

namespace NetCourse.Sockets;

/// <summary>Reads UTF-8 lines ending in \n (an optional \r is dropped) from a client, refusing lines longer than a limit.</summary>
internal sealed class LineReader(Func<Memory<byte>, ValueTask<int>> receive, int maxLineBytes)
{
    private readonly byte[] buffer = new byte[maxLineBytes + 2];
    private int start, end;

    /// <summary>The next line, or null when the peer closed (an unfinished last line is discarded).</summary>
    /// <exception cref="ProtocolViolationException">The line is longer than the limit.</exception>
    public async ValueTask<string?> ReadLineAsync()
    {
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                var length = newline - start;
                if (length > 0 && buffer[newline - 1] == '\r') length--;
                if (length > maxLineBytes) throw new ProtocolViolationException("ligne trop longue");
                var line = Encoding.UTF8.GetString(buffer, start, length);
                start = newline + 1;
                return line;
            }
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) throw new ProtocolViolationException("ligne trop longue");
            var n = await receive(buffer.AsMemory(end)).ConfigureAwait(false);
            if (n == 0) return null;
            end += n;
        }
    }
}
