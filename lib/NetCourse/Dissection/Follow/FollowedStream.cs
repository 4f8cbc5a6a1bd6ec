using System.Net;
using NetCourse.Html;

namespace NetCourse.Dissection.Follow;

/// <summary>
/// One TCP conversation rebuilt by <see cref="TcpStreamFollower"/>: its two ends and the bytes each sent, in stream
/// order. <see cref="ToText"/> prints it exactly as <c>tshark -q -z follow,tcp,MODE,N</c>; in a notebook it shows as
/// Wireshark's Follow TCP Stream window (<see cref="FollowStreamView"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A TCP stream, Wireshark's word (tcp.stream, Follow TCP Stream), not a System.IO.Stream.")]
public sealed class FollowedStream : IHtmlView
{
    internal FollowedStream(long stream, IPEndPoint client, IPEndPoint server, IReadOnlyList<FollowChunk> chunks, int packets)
    {
        Stream = stream;
        Client = client;
        Server = server;
        Chunks = chunks;
        PacketCount = packets;
    }

    /// <summary>The <c>tcp.stream</c> index.</summary>
    public long Stream { get; }

    /// <summary>Node 0: the sender of the stream's first packet (the client, when the capture saw the SYN).</summary>
    public IPEndPoint Client { get; }

    /// <summary>Node 1: the other end.</summary>
    public IPEndPoint Server { get; }

    /// <summary>The pieces of the conversation, in the order Wireshark prints them.</summary>
    public IReadOnlyList<FollowChunk> Chunks { get; }

    /// <summary>How many packets of the capture belong to the stream.</summary>
    public int PacketCount { get; }

    /// <summary>The bytes the client sent, end to end.</summary>
    public byte[] ClientBytes => Concat(fromServer: false);

    /// <summary>The bytes the server sent, end to end.</summary>
    public byte[] ServerBytes => Concat(fromServer: true);

    /// <summary>
    /// The text tshark prints for <c>-q -z follow,tcp,MODE,N[,FIRST-LAST]</c>: banners, filter, nodes, then the chunks
    /// numbered <paramref name="firstChunk"/> to <paramref name="lastChunk"/> (from 1).
    /// </summary>
    public string ToText(FollowMode mode = FollowMode.Ascii, int firstChunk = 1, int lastChunk = int.MaxValue)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        FollowTextWriter.Write(this, writer, mode, firstChunk, lastChunk);
        return writer.ToString();
    }

    /// <inheritdoc />
    public string ToHtml() => new FollowStreamView(this).ToHtml();

    /// <inheritdoc />
    public override string ToString() =>
        $"flux TCP {Stream} : {Client} ↔ {Server}, {PacketCount} paquets, {ClientBytes.Length} octets → , ← {ServerBytes.Length} octets";

    private byte[] Concat(bool fromServer) =>
        Chunks.Where(c => c.FromServer == fromServer).SelectMany(c => c.Data).ToArray();
}
