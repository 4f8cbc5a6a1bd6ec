using System.Globalization;
using System.Text;

namespace NetCourse.Dissection;

/// <summary>
/// Decodes HTTP/1.x over TCP (Wireshark's ports 80, 8080 … and its heuristic for other ports), reassembling
/// headers and bodies split over segments: the http.* fields go on the frame that completes the message, earlier
/// frames show "[TCP segment of a reassembled PDU]".
/// </summary>
internal static class HttpDecoder
{
    private static readonly int[] Ports = [80, 3128, 3132, 5985, 8080, 8088, 11371, 1900, 2869, 2710];
    private static readonly byte[][] Methods = [.. new[] { "GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "TRACE ", "CONNECT ", "PATCH " }.Select(Encoding.ASCII.GetBytes)];

    public static bool IsHttpPort(TcpSegment s) => Array.IndexOf(Ports, s.SourcePort) >= 0 || Array.IndexOf(Ports, s.DestinationPort) >= 0;

    public static bool Offer(FrameCursor c, ColumnView view, TcpSegment s, int payload, int captured)
    {
        var dir = s.Direction;
        var span = c.Data.AsSpan(payload, captured);
        var complete = captured == s.PayloadLength;
        if (dir?.Http is { } pending && complete)
        {
            pending.Buffer.AddRange(span);
            if (Progress(pending, s.HasFin))
            {
                dir.Http = null;
                Emit(c, view, pending.Buffer.ToArray(), payload, captured, pending.HeaderEnd);
            }
            else
            {
                Segment(c, view, payload, captured, s);
            }
            return true;
        }
        if (dir is not null)
            dir.Http = null;
        if (!LooksLikeHttp(span))
        {
            if (!IsHttpPort(s))
                return false;
            var layer = c.Begin(LayerKind.Application, "http", "Hypertext Transfer Protocol", payload);
            layer.Length = captured;
            view.Protocol = "HTTP";
            view.Info = "Continuation";
            return true;
        }
        var message = new HttpPending();
        message.Buffer.AddRange(span);
        if (!complete || dir is null || Progress(message, s.HasFin))
        {
            Emit(c, view, span.ToArray(), payload, captured, message.HeadersComplete ? message.HeaderEnd : -1);
            return true;
        }
        dir.Http = message;
        Segment(c, view, payload, captured, s);
        var end = span.IndexOf("\r\n"u8);
        if (end > 0)
            view.Info = Encoding.Latin1.GetString(span[..end]) + "  [TCP segment of a reassembled PDU]";
        return true;
    }

    /// <summary>A FIN with no data may complete a response whose length is "until the connection closes".</summary>
    public static void OnFin(FrameCursor c, ColumnView view, TcpSegment s, int payload)
    {
        if (s.Direction?.Http is { UntilFin: true } pending)
        {
            s.Direction.Http = null;
            Emit(c, view, pending.Buffer.ToArray(), payload, 0, pending.HeaderEnd);
        }
    }

    private static void Segment(FrameCursor c, ColumnView view, int payload, int captured, TcpSegment s)
    {
        c.Begin(LayerKind.Application, "data", "TCP segment data", payload).Length = captured;
        view.Protocol = "TCP";
        view.Append(" [TCP segment of a reassembled PDU]");
        _ = s;
    }

    private static bool LooksLikeHttp(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith("HTTP/1."u8))
            return true;
        foreach (var m in Methods)
        {
            if (span.StartsWith(m))
                return true;
        }
        return false;
    }

    /// <summary>Advances the reassembly; true when the message is complete.</summary>
    private static bool Progress(HttpPending m, bool fin)
    {
        var buffer = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(m.Buffer);
        if (!m.HeadersComplete)
        {
            var end = buffer.IndexOf("\r\n\r\n"u8);
            if (end < 0)
                return false;
            m.HeadersComplete = true;
            m.HeaderEnd = end + 4;
            var headers = Encoding.Latin1.GetString(buffer[..end]);
            var lines = headers.Split("\r\n");
            var first = lines[0];
            var isResponse = first.StartsWith("HTTP/", StringComparison.Ordinal);
            long? length = null;
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                    continue;
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    length = n;
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                    m.Chunked = true;
            }
            var code = isResponse && first.Length >= 12 && int.TryParse(first.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var cd) ? cd : 0;
            if (m.Chunked)
                m.BodyRemaining = long.MaxValue;
            else if (length is { } l)
                m.BodyRemaining = l;
            else if (isResponse && code is not (>= 100 and < 200 or 204 or 304))
                m.UntilFin = true;
            else
                m.BodyRemaining = 0;
        }
        var body = buffer.Length - m.HeaderEnd;
        if (m.Chunked)
            return buffer[m.HeaderEnd..].IndexOf("0\r\n\r\n"u8) >= 0;
        if (m.UntilFin)
            return fin;
        return body >= m.BodyRemaining;
    }

    private static void Emit(FrameCursor c, ColumnView view, byte[] message, int payload, int captured, int headerEnd)
    {
        var layer = c.Begin(LayerKind.Application, "http", "Hypertext Transfer Protocol", payload);
        layer.Length = captured;
        view.Protocol = "HTTP";
        var lineEnd = Array.IndexOf(message, (byte)'\n');
        var first = Encoding.Latin1.GetString(message, 0, lineEnd < 0 ? message.Length : lineEnd).TrimEnd('\r');
        var parts = first.Split(' ', 3);
        string? contentType = null;
        if (first.StartsWith("HTTP/", StringComparison.Ordinal))
        {
            c.AddText("http.response.version", parts[0], payload, 0);
            if (parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                c.AddInt("http.response.code", code, payload, 0);
            if (parts.Length > 2)
                c.AddText("http.response.phrase", parts[2], payload, 0);
            c.AddPresent("http.response", "1");
        }
        else if (parts.Length >= 2)
        {
            c.AddText("http.request.method", parts[0], payload, 0);
            c.AddText("http.request.uri", parts[1], payload, 0);
            if (parts.Length > 2)
                c.AddText("http.request.version", parts[2], payload, 0);
            c.AddPresent("http.request", "1");
        }
        if (headerEnd > 0)
        {
            var headers = Encoding.Latin1.GetString(message, 0, headerEnd).Split("\r\n");
            foreach (var line in headers.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                    continue;
                var name = line[..colon].Trim().ToLowerInvariant();
                var value = line[(colon + 1)..].Trim();
                switch (name)
                {
                    case "host":
                        c.AddText("http.host", value, payload, 0);
                        break;
                    case "user-agent":
                        c.AddText("http.user_agent", value, payload, 0);
                        break;
                    case "content-type":
                        contentType = value;
                        c.AddText("http.content_type", value, payload, 0);
                        break;
                    case "content-length":
                        c.AddText("http.content_length_header", value, payload, 0);
                        break;
                    case "server":
                        c.AddText("http.server", value, payload, 0);
                        break;
                }
            }
        }
        // tshark names the body's media type for requests (a posted form) as for responses.
        view.Info = first + " " + (contentType is null ? "" : $" ({contentType.Split(';')[0]})");
    }
}
