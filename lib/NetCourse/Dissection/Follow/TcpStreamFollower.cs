using System.Globalization;
using System.Net;
using System.Text;

namespace NetCourse.Dissection.Follow;

/// <summary>
/// Rebuilds what each side of one TCP conversation (one <c>tcp.stream</c> index) sent, the way Wireshark's
/// Follow TCP Stream does (epan/dissectors/packet-tcp.c, <c>follow_tcp_tap_listener</c>, tshark 4.0): segments are
/// taken in sequence order, the part of a retransmission or overlap already delivered is dropped, a segment that
/// arrives early waits until the bytes before it arrive, and when the other side acknowledges bytes the capture
/// never saw, a marker "[N bytes missing in capture file]" stands in for them. Feed it the packets of a capture in
/// order with <see cref="Add"/>, then read <see cref="Result"/>.
/// </summary>
public sealed class TcpStreamFollower
{
    /// <summary>The fields a dissector must keep for the follower (for <c>PacketDissector(fields)</c> and readers).</summary>
    public static IReadOnlyList<string> RequiredFields { get; } =
    [
        "tcp.stream", "tcp.srcport", "tcp.dstport", "tcp.seq", "tcp.ack", "tcp.flags", "tcp.len", "tcp.hdr_len",
        "ip.src", "ip.dst", "ipv6.src", "ipv6.dst",
    ];

    private readonly List<FollowChunk> _chunks = [];
    private readonly List<Pending>[] _early = [[], []];
    private readonly uint[] _next = new uint[2];
    private readonly long[] _written = new long[2];
    private IPEndPoint? _client;
    private IPEndPoint? _server;

    /// <summary>Follows the conversation whose <c>tcp.stream</c> is <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative index.</exception>
    public TcpStreamFollower(long stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stream);
        Stream = stream;
    }

    /// <summary>The <c>tcp.stream</c> index followed.</summary>
    public long Stream { get; }

    /// <summary>The highest <c>tcp.stream</c> index seen so far (-1 before any TCP packet).</summary>
    public long HighestStreamSeen { get; private set; } = -1;

    /// <summary>How many packets of the stream were seen.</summary>
    public int PacketCount { get; private set; }

    /// <summary>Follows the stream <paramref name="stream"/> through <paramref name="packets"/> (in capture order).</summary>
    /// <returns>The rebuilt conversation, or null when no packet belongs to that stream.</returns>
    public static FollowedStream? Follow(IEnumerable<DissectedPacket> packets, long stream)
    {
        ArgumentNullException.ThrowIfNull(packets);
        var follower = new TcpStreamFollower(stream);
        foreach (var packet in packets)
            follower.Add(packet);
        return follower.Result;
    }

    /// <summary>The conversation rebuilt so far, or null while no packet of the stream was seen.</summary>
    public FollowedStream? Result =>
        _client is null || _server is null ? null : new FollowedStream(Stream, _client, _server, _chunks.ToArray(), PacketCount);

    /// <summary>Takes the next packet of the capture; packets of other streams only update <see cref="HighestStreamSeen"/>.</summary>
    public void Add(DissectedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (Read(packet) is not { } segment)
            return;
        HighestStreamSeen = Math.Max(HighestStreamSeen, segment.Stream);
        if (segment.Stream != Stream)
            return;
        PacketCount++;
        Take(packet, segment);
    }

    private void Take(DissectedPacket packet, Segment segment)
    {
        var sequence = segment.Sequence;
        var length = segment.Length;
        var dataOffset = 0;
        var dataLength = segment.CapturedLength;
        if ((segment.Flags & 0x02) != 0)
            sequence++;
        if (_client is null)
        {
            _client = segment.Source;
            _server = segment.Destination;
        }
        var side = segment.Source.Equals(_client) ? 0 : 1;
        var other = 1 - side;
        // This packet may acknowledge bytes of the other direction that the capture never saw.
        if (_early[other].Count > 0)
        {
            while (Drain(other, segment.Acknowledgment, packet.Number, useAck: true)) { }
        }
        if (_written[side] == 0 && _next[side] == 0)
            _next[side] = sequence;
        if (Before(sequence, _next[side]))
        {
            // Starts before the bytes expected next: keep only what a retransmission with more data adds.
            var end = sequence + (uint)length;
            if (After(end, _next[side]))
            {
                dataOffset = (int)(_next[side] - sequence);
                dataLength = dataLength <= dataOffset ? 0 : dataLength - dataOffset;
                sequence = _next[side];
                length = (int)(end - _next[side]);
            }
        }
        if (dataLength == 0 || Before(sequence, _next[side]))
            return;
        var data = packet.Bytes.Span.Slice(segment.PayloadStart + dataOffset, dataLength).ToArray();
        var piece = new Pending(side == 1, packet.Number, sequence, data);
        if (sequence == _next[side])
        {
            _next[side] += (uint)length;
            _written[side] += data.Length;
            _chunks.Add(piece.Chunk);
            while (Drain(side, 0, packet.Number, useAck: false)) { }
        }
        else
        {
            _early[side].Add(piece);
        }
    }

    /// <summary>Applies one waiting segment of <paramref name="side"/> if it now fits; true when something changed.</summary>
    private bool Drain(int side, uint acknowledged, long frame, bool useAck)
    {
        var early = _early[side];
        if (early.Count == 0)
            return false;
        var lowest = early[0].Sequence;
        for (var i = 0; i < early.Count; i++)
        {
            var piece = early[i];
            if (After(lowest, piece.Sequence))
                lowest = piece.Sequence;
            if (Before(piece.Sequence, _next[side]))
            {
                var end = piece.Sequence + (uint)piece.Data.Length;
                if (After(end, _next[side]))
                {
                    var skip = (int)(_next[side] - piece.Sequence);
                    if (piece.Data.Length > skip)
                        _chunks.Add(new FollowChunk(side == 1, piece.Frame, piece.Data[skip..]));
                    _next[side] += (uint)(piece.Data.Length - skip);
                }
                early.RemoveAt(i);
                return true;
            }
            if (piece.Sequence == _next[side])
            {
                _chunks.Add(piece.Chunk);
                _next[side] += (uint)piece.Data.Length;
                early.RemoveAt(i);
                return true;
            }
        }
        if (useAck && After(acknowledged, lowest))
        {
            // Wireshark's marker, with its C string's terminating NUL byte.
            var missing = unchecked((int)(lowest - _next[side]));
            var text = string.Create(CultureInfo.InvariantCulture, $"[{missing} bytes missing in capture file]\0");
            _chunks.Add(new FollowChunk(side == 1, frame, Encoding.ASCII.GetBytes(text)));
            _next[side] = lowest;
            return true;
        }
        return false;
    }

    private static bool Before(uint a, uint b) => unchecked((int)(a - b)) < 0;

    private static bool After(uint a, uint b) => unchecked((int)(a - b)) > 0;

    private static Segment? Read(DissectedPacket packet)
    {
        ProtocolLayer? network = null;
        foreach (var layer in packet.Layers)
        {
            if (layer.Protocol is "ip" or "ipv6")
            {
                network = layer;
                continue;
            }
            if (layer.Protocol != "tcp" || network is null)
                continue;
            long stream = -1, source = -1, destination = -1, sequence = 0, ack = 0, flags = 0, length = -1, header = -1;
            foreach (var field in layer.Fields)
            {
                switch (field.Name)
                {
                    case "tcp.stream": stream = field.Value.Integer; break;
                    case "tcp.srcport": source = field.Value.Integer; break;
                    case "tcp.dstport": destination = field.Value.Integer; break;
                    case "tcp.seq": sequence = field.Value.Integer; break;
                    case "tcp.ack": ack = field.Value.Integer; break;
                    case "tcp.flags": flags = field.Value.Integer; break;
                    case "tcp.len": length = field.Value.Integer; break;
                    case "tcp.hdr_len": header = field.Value.Integer; break;
                }
            }
            // Only a TCP header the dissector tracked (tshark's th_have_seglen): not one quoted in an ICMP error.
            var (from, to) = Addresses(network);
            if (stream < 0 || length < 0 || header < 20 || from is null || to is null)
                continue;
            var payloadStart = layer.Offset + (int)header;
            var captured = (int)Math.Clamp(packet.CapturedLength - (long)payloadStart, 0, length);
            return new Segment(stream, new IPEndPoint(from, (int)source), new IPEndPoint(to, (int)destination),
                unchecked((uint)sequence), unchecked((uint)ack), (int)flags, (int)length, payloadStart, captured);
        }
        return null;
    }

    private static (IPAddress? From, IPAddress? To) Addresses(ProtocolLayer network)
    {
        IPAddress? from = null, to = null;
        var prefix = network.Protocol;
        foreach (var field in network.Fields)
        {
            if (field.Name.Length == prefix.Length + 4 && field.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (field.Name.EndsWith(".src", StringComparison.Ordinal)) from ??= field.Value.Address;
                else if (field.Name.EndsWith(".dst", StringComparison.Ordinal)) to ??= field.Value.Address;
            }
        }
        return (from, to);
    }

    private sealed record Segment(long Stream, IPEndPoint Source, IPEndPoint Destination, uint Sequence,
        uint Acknowledgment, int Flags, int Length, int PayloadStart, int CapturedLength);

    private sealed record Pending(bool FromServer, long Frame, uint Sequence, byte[] Data)
    {
        public FollowChunk Chunk => new(FromServer, Frame, Data);
    }
}
