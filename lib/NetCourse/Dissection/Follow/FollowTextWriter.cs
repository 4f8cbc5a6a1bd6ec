using System.Globalization;
using System.Net.Sockets;

namespace NetCourse.Dissection.Follow;

/// <summary>
/// Writes a <see cref="FollowedStream"/> in tshark's <c>-z follow</c> format (ui/cli/tap-follow.c, tshark 4.0): a
/// blank line and a banner, "Follow: tcp,MODE", "Filter: tcp.stream eq N", "Node 0: …", "Node 1: …", the chunks, the
/// banner again. Node 1's chunks are indented by a tab.
/// </summary>
public static class FollowTextWriter
{
    /// <summary>The banner line.</summary>
    public const string Banner = "===================================================================";

    /// <summary>Writes <paramref name="stream"/> to <paramref name="output"/> (lines end with "\n").</summary>
    public static void Write(FollowedStream stream, TextWriter output, FollowMode mode, int firstChunk = 1, int lastChunk = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(output);
        output.Write('\n');
        output.Write(Banner + "\n");
        output.Write($"Follow: tcp,{ModeName(mode)}\n");
        output.Write(string.Create(CultureInfo.InvariantCulture, $"Filter: tcp.stream eq {stream.Stream}\n"));
        // tshark brackets both nodes when node 0 is IPv6.
        var v6 = stream.Client.AddressFamily == AddressFamily.InterNetworkV6;
        output.Write(Node(0, stream.Client.Address.ToString(), stream.Client.Port, v6));
        output.Write(Node(1, stream.Server.Address.ToString(), stream.Server.Port, v6));
        long clientOffset = 0, serverOffset = 0;
        var number = 0;
        foreach (var chunk in stream.Chunks)
        {
            number++;
            ref var offset = ref chunk.FromServer ? ref serverOffset : ref clientOffset;
            if (number < firstChunk || number > lastChunk)
            {
                offset += chunk.Data.Length;
                continue;
            }
            var indent = chunk.FromServer ? "\t" : "";
            switch (mode)
            {
                case FollowMode.Ascii:
                    output.Write(string.Create(CultureInfo.InvariantCulture, $"{indent}{chunk.Data.Length}\n"));
                    output.Write(Ascii(chunk.Data));
                    output.Write('\n');
                    break;
                case FollowMode.Hex:
                    WriteHex(output, indent, offset, chunk.Data);
                    offset += chunk.Data.Length;
                    break;
                case FollowMode.Raw:
                    output.Write(indent);
                    output.Write(Convert.ToHexStringLower(chunk.Data));
                    output.Write('\n');
                    break;
            }
        }
        output.Write(Banner + "\n");
    }

    /// <summary>The mode's name in the -z argument (ascii, hex, raw).</summary>
    public static string ModeName(FollowMode mode) => mode switch
    {
        FollowMode.Hex => "hex",
        FollowMode.Raw => "raw",
        _ => "ascii",
    };

    private static string Node(int number, string address, int port, bool v6)
    {
        var host = v6 ? $"[{address}]" : address;
        return string.Create(CultureInfo.InvariantCulture, $"Node {number}: {host}:{port}\n");
    }

    /// <summary>Printable ASCII as is, CR and LF kept, every other byte as '.'.</summary>
    private static string Ascii(byte[] data) =>
        string.Create(data.Length, data, static (span, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                span[i] = b is (byte)'\r' or (byte)'\n' || (b >= 0x20 && b < 0x7f) ? (char)b : '.';
            }
        });

    private static void WriteHex(TextWriter output, string indent, long offset, byte[] data)
    {
        // Offset, two spaces, 16 bytes in hex with an extra space after the 8th, two spaces, the same bytes in ASCII.
        var line = new char[78];
        for (var start = 0; start < data.Length; start += 16, offset += 16)
        {
            Array.Fill(line, ' ');
            ((uint)offset).ToString("X8", CultureInfo.InvariantCulture).CopyTo(0, line, 0, 8);
            int hex = 10, text = 60;
            var count = Math.Min(16, data.Length - start);
            for (var i = 0; i < count; i++)
            {
                var b = data[start + i];
                line[hex++] = "0123456789abcdef"[b >> 4];
                line[hex++] = "0123456789abcdef"[b & 15];
                hex++;
                line[text++] = b >= 0x20 && b < 0x7f ? (char)b : '.';
                if (i == 7)
                {
                    hex++;
                    text++;
                }
            }
            if (line[text - 1] == ' ')
                text--;
            output.Write(indent);
            output.Write(line, 0, text);
            output.Write('\n');
        }
    }
}
