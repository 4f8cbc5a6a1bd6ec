using System.Globalization;
using System.Text;

namespace NetCourse.Capture;

/// <summary>The few lines of HTTP/1.1 the HTTP-versus-HTTPS demo needs: a form POST and reading a message's body.</summary>
internal static class HttpForm
{
    private const int MaxMessage = 64 * 1024;

    /// <summary>A POST of <paramref name="form"/> (application/x-www-form-urlencoded) to /connexion.</summary>
    public static byte[] Post(string host, string form)
    {
        var body = Encoding.UTF8.GetBytes(form);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"POST /connexion HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>Reads one HTTP message (head, then Content-Length bytes of body) and returns its body.</summary>
    /// <exception cref="IOException">The peer closed early or the message is too big.</exception>
    public static async Task<byte[]> ReadMessageAsync(Stream stream, CancellationToken token)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfBlankLine(received)) < 0)
            await ReadMore(stream, buffer, received, token).ConfigureAwait(false);
        var head = Encoding.ASCII.GetString(received.GetRange(0, headEnd).ToArray());
        var length = 0;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && !int.TryParse(line["Content-Length:".Length..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out length))
                throw new IOException("en-tête Content-Length illisible.");
        }
        if (length > MaxMessage)
            throw new IOException("message HTTP trop grand.");
        while (received.Count < headEnd + 4 + length)
            await ReadMore(stream, buffer, received, token).ConfigureAwait(false);
        return received.GetRange(headEnd + 4, length).ToArray();
    }

    private static async Task ReadMore(Stream stream, byte[] buffer, List<byte> received, CancellationToken token)
    {
        var n = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
        if (n == 0)
            throw new IOException("la connexion s'est fermée avant la fin du message HTTP.");
        received.AddRange(buffer.AsSpan(0, n));
        if (received.Count > MaxMessage + 8192)
            throw new IOException("message HTTP trop grand.");
    }

    private static int IndexOfBlankLine(List<byte> data)
    {
        for (var i = 0; i + 3 < data.Count; i++)
        {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
                return i;
        }
        return -1;
    }
}
