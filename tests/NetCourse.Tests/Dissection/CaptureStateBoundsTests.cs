using System.Text;
using NetCourse.Dissection;
using PacketDotNet;
using PacketDotNet.Utils;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// What the dissector remembers across a capture is bounded by constants, never by the capture's length
/// (<see cref="TcpTracker"/>, <see cref="UdpStreams"/>, <see cref="EchoRequestTable"/>). With small caps set
/// internally: the tables stay within them, stream numbers keep counting up after evictions, a closed conversation
/// still takes its late packets, the idle ones go first, and many short conversations dissect to the same rows as
/// with the default caps.
/// </summary>
public class CaptureStateBoundsTests
{
    private static readonly CaptureLimits Small = new(OpenTcp: 4, ClosedTcp: 4, UdpStreams: 2, EchoRequests: 2);
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 198.18.0.2\r\n\r\n");
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    private enum Close
    {
        Fin,
        Rst,
        FinRetransmitted,
    }

    [Fact]
    public void Tables_never_exceed_their_caps_over_many_conversations()
    {
        var d = new PacketDissector(null, Small);
        var feed = new Feed(d);
        var state = d.State;
        for (var i = 0; i < 200; i++)
        {
            var port = (ushort)(20000 + i);
            var frames = new List<byte[]>(TcpConversation(port, (uint)(i * 1000 + 1), (Close)(i % 3)))
            {
                Client(Frames.Tcp((ushort)(port + 10000), 80, (uint)i, 0, syn: true)), // half-open: never answered
            };
            frames.AddRange(DnsExchange(port, (ushort)i));
            frames.AddRange(Ping((ushort)i, 1));
            foreach (var frame in frames)
            {
                feed.Send(frame);
                Assert.True(state.Tcp.OpenCount <= Small.OpenTcp, $"{state.Tcp.OpenCount} conversations TCP ouvertes gardées");
                Assert.True(state.Tcp.ClosedCount <= Small.ClosedTcp, $"{state.Tcp.ClosedCount} conversations TCP fermées gardées");
                Assert.Equal(state.Tcp.OpenCount + state.Tcp.ClosedCount, state.Tcp.Count);
                Assert.True(state.Udp.Count <= Small.UdpStreams, $"{state.Udp.Count} flux UDP gardés");
                Assert.True(state.EchoRequests.Count <= Small.EchoRequests, $"{state.EchoRequests.Count} requêtes d'écho gardées");
            }
        }
        // Every cap was reached, not merely respected by an empty table.
        Assert.Equal(Small.OpenTcp, state.Tcp.OpenCount);
        Assert.Equal(Small.ClosedTcp, state.Tcp.ClosedCount);
        Assert.Equal(Small.UdpStreams, state.Udp.Count);
        Assert.Equal(Small.EchoRequests, state.EchoRequests.Count);
    }

    [Fact]
    public void Stream_numbers_keep_counting_up_after_evictions()
    {
        var feed = new Feed(new PacketDissector(null, Small));
        for (var i = 0; i < 50; i++)
        {
            var port = (ushort)(30000 + i);
            foreach (var frame in TcpConversation(port, (uint)(i * 1000 + 1), (Close)(i % 3)))
                Assert.Equal($"{i}", feed.Send(frame).FieldText("tcp.stream"));
            foreach (var frame in DnsExchange(port, (ushort)i))
                Assert.Equal($"{i}", feed.Send(frame).FieldText("udp.stream"));
        }
    }

    [Fact]
    public void A_closed_conversation_takes_its_late_packets_until_enough_others_close()
    {
        var feed = new Feed(new PacketDissector(null, Small with { ClosedTcp = 3 }));
        var a = TcpConversation(40000, 1000, Close.FinRetransmitted);
        foreach (var frame in a[..^2])
            feed.Send(frame); // up to the server's FIN: FIN seen both ways, the conversation is closed
        foreach (var port in new ushort[] { 40001, 40002 })
            feed.SendAll(TcpConversation(port, port, Close.Fin));

        var retransmittedFin = feed.Send(a[^2]);
        var lastAck = feed.Send(a[^1]);
        Assert.Equal("0", retransmittedFin.FieldText("tcp.stream"));
        Assert.Equal($"{Response.Length + 1}", retransmittedFin.FieldText("tcp.seq"));
        Assert.Equal("0", lastAck.FieldText("tcp.stream"));
        Assert.Equal($"{Request.Length + 2}", lastAck.FieldText("tcp.seq"));
        Assert.Equal($"{Response.Length + 2}", lastAck.FieldText("tcp.ack"));

        // Three more closed conversations push it out of the three kept: a packet on its ports now starts stream 6.
        foreach (var port in new ushort[] { 40003, 40004, 40005 })
            feed.SendAll(TcpConversation(port, port, Close.Rst));
        Assert.Equal("6", feed.Send(a[^1]).FieldText("tcp.stream"));
    }

    [Fact]
    public void The_conversation_idle_the_longest_is_the_one_forgotten()
    {
        var feed = new Feed(new PacketDissector(null, Small with { OpenTcp = 2, UdpStreams = 2 }));
        Assert.Equal("0", feed.Send(Client(Frames.Tcp(41000, 80, 100, 0, syn: true))).FieldText("tcp.stream"));
        Assert.Equal("1", feed.Send(Client(Frames.Tcp(41001, 80, 200, 0, syn: true))).FieldText("tcp.stream"));
        Assert.Equal("0", feed.Send(Server(Frames.Tcp(80, 41000, 900, 101, syn: true, ackFlag: true))).FieldText("tcp.stream"));
        Assert.Equal("2", feed.Send(Client(Frames.Tcp(41002, 80, 300, 0, syn: true))).FieldText("tcp.stream"));
        var used = feed.Send(Client(Frames.Tcp(41000, 80, 101, 901, ackFlag: true)));
        Assert.Equal("0", used.FieldText("tcp.stream"));
        Assert.Equal("1", used.FieldText("tcp.seq"));
        Assert.Equal("1", used.FieldText("tcp.ack"));
        Assert.Equal("3", feed.Send(Client(Frames.Tcp(41001, 80, 201, 0, ackFlag: true))).FieldText("tcp.stream"));

        Assert.Equal("0", feed.Send(Udp(42000, 53, [1], reverse: false)).FieldText("udp.stream"));
        Assert.Equal("1", feed.Send(Udp(42001, 53, [1], reverse: false)).FieldText("udp.stream"));
        Assert.Equal("0", feed.Send(Udp(53, 42000, [2], reverse: true)).FieldText("udp.stream"));
        Assert.Equal("2", feed.Send(Udp(42002, 53, [1], reverse: false)).FieldText("udp.stream"));
        Assert.Equal("0", feed.Send(Udp(42000, 53, [3], reverse: false)).FieldText("udp.stream"));
        Assert.Equal("3", feed.Send(Udp(42001, 53, [3], reverse: false)).FieldText("udp.stream"));
    }

    [Fact]
    public void A_reply_finds_its_request_among_the_newest_ones_kept()
    {
        var feed = new Feed(new PacketDissector(null, Small with { EchoRequests = 2 }));
        feed.Send(Echo(7, 1, reply: false));
        feed.Send(Echo(7, 2, reply: false));
        feed.Send(Echo(7, 1, reply: false)); // the same request again keeps its place (it is still the oldest)
        feed.Send(Echo(7, 3, reply: false));
        Assert.EndsWith("(request in 4)", feed.Send(Echo(7, 3, reply: true)).Info, StringComparison.Ordinal);
        Assert.EndsWith("(request in 2)", feed.Send(Echo(7, 2, reply: true)).Info, StringComparison.Ordinal);
        Assert.DoesNotContain("request in", feed.Send(Echo(7, 1, reply: true)).Info, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_short_conversations_dissect_the_same_with_small_caps()
    {
        var frames = Interleaved(conversations: 120, atOnce: 3);
        var unbounded = new PacketDissector();
        var bounded = new PacketDissector(null, Small);
        var expected = Rows(unbounded, frames);
        var rows = Rows(bounded, frames);
        for (var i = 0; i < frames.Count; i++)
            Assert.True(expected[i] == rows[i], $"trame {i + 1} :\n  sans plafond : {expected[i]}\n  plafonds     : {rows[i]}");
        // The caps were well exceeded: the bounded tables forgot most of what the unbounded ones hold.
        Assert.Equal((15, 30, 30), (unbounded.State.Tcp.Count, unbounded.State.Udp.Count, unbounded.State.EchoRequests.Count));
        Assert.Equal((Small.ClosedTcp, Small.UdpStreams, Small.EchoRequests), (bounded.State.Tcp.Count, bounded.State.Udp.Count, bounded.State.EchoRequests.Count));
        Assert.Contains(rows, r => r.Contains("tcp.stream=89\t", StringComparison.Ordinal));
    }

    /// <summary>Every field of every packet (name and value as printed), with the columns and the colouring rule.</summary>
    private static List<string> Rows(PacketDissector d, List<byte[]> frames)
    {
        var feed = new Feed(d);
        var rows = new List<string>(frames.Count);
        foreach (var frame in frames)
        {
            var p = feed.Send(frame);
            var row = new StringBuilder($"{p.Protocol}\t{p.Info}\t{ColoringRules.Embedded.Match(p)?.Name}\t");
            foreach (var field in p.AllFields)
                row.Append(field.Name).Append('=').Append(field.Value.Display).Append('\t');
            rows.Add(row.ToString());
        }
        return rows;
    }

    /// <summary>
    /// Short conversations, <paramref name="atOnce"/> in progress at a time, their packets taken in turn: TCP closed by
    /// FIN both ways (some with a retransmitted FIN before the last ACK) or by a RST, DNS and ping exchanges. TCP client
    /// ports repeat every 20 conversations, so 4-tuples come back (a SYN with a new initial sequence number: a new
    /// stream with or without caps); UDP ones do not (tshark keeps a UDP 4-tuple's stream, which a cap may forget).
    /// </summary>
    private static List<byte[]> Interleaved(int conversations, int atOnce)
    {
        var pending = new Queue<List<byte[]>>();
        for (var i = 0; i < conversations; i++)
        {
            var port = (ushort)(40000 + i % 20);
            pending.Enqueue(i % 4 == 3
                ? [.. DnsExchange((ushort)(50000 + i), (ushort)i), .. Ping((ushort)i, 1)]
                : TcpConversation(port, (uint)(i * 100_003 + 7), (Close)(i % 4)));
        }
        var active = new List<Queue<byte[]>>();
        var frames = new List<byte[]>();
        while (pending.Count > 0 || active.Count > 0)
        {
            while (active.Count < atOnce && pending.TryDequeue(out var next))
                active.Add(new Queue<byte[]>(next));
            foreach (var conversation in active)
                frames.Add(conversation.Dequeue());
            active.RemoveAll(q => q.Count == 0);
        }
        return frames;
    }

    /// <summary>198.18.0.1:<paramref name="port"/> → 198.18.0.2:80: handshake, an HTTP request and its response, then the close.</summary>
    private static List<byte[]> TcpConversation(ushort port, uint isn, Close close)
    {
        uint c = isn, s = unchecked(isn * 7 + 5000);
        var frames = new List<byte[]>
        {
            Client(Frames.Tcp(port, 80, c, 0, syn: true)),
            Server(Frames.Tcp(80, port, s, c + 1, syn: true, ackFlag: true)),
            Client(Frames.Tcp(port, 80, c + 1, s + 1, ackFlag: true)),
            Client(Frames.Tcp(port, 80, c + 1, s + 1, ackFlag: true, psh: true, payload: Request)),
            Server(Frames.Tcp(80, port, s + 1, c + 1 + (uint)Request.Length, ackFlag: true, psh: true, payload: Response)),
        };
        c += (uint)Request.Length;
        s += (uint)Response.Length;
        if (close == Close.Rst)
        {
            frames.Add(Server(Frames.Tcp(80, port, s + 1, c + 1, ackFlag: true, rst: true)));
            return frames;
        }
        frames.Add(Client(Frames.Tcp(port, 80, c + 1, s + 1, ackFlag: true, fin: true)));
        var serverFin = Server(Frames.Tcp(80, port, s + 1, c + 2, ackFlag: true, fin: true));
        frames.Add(serverFin);
        if (close == Close.FinRetransmitted)
            frames.Add(serverFin);
        frames.Add(Client(Frames.Tcp(port, 80, c + 2, s + 2, ackFlag: true)));
        return frames;
    }

    private static byte[][] DnsExchange(ushort port, ushort id) =>
    [
        Udp(port, 53, Frames.DnsQuery(id, "serveur.netcourse.test", response: false), reverse: false),
        Udp(53, port, Frames.DnsQuery(id, "serveur.netcourse.test", response: true), reverse: true),
    ];

    private static byte[][] Ping(ushort id, ushort seq) => [Echo(id, seq, reply: false), Echo(id, seq, reply: true)];

    private static byte[] Client(TcpPacket tcp) => Frames.EthernetTcp(tcp);

    private static byte[] Server(TcpPacket tcp) => Frames.EthernetTcp(tcp, reverse: true);

    private static byte[] Udp(ushort src, ushort dst, byte[] payload, bool reverse) =>
        Frames.Ethernet(reverse
            ? Frames.IPv4(new UdpPacket(src, dst) { PayloadData = payload }, src: Frames.IpB, dst: Frames.IpA)
            : Frames.IPv4(new UdpPacket(src, dst) { PayloadData = payload }));

    private static byte[] Echo(ushort id, ushort seq, bool reply)
    {
        var icmp = new IcmpV4Packet(new ByteArraySegment(new byte[8 + 4]))
        {
            TypeCode = reply ? IcmpV4TypeCode.EchoReply : IcmpV4TypeCode.EchoRequest,
            Id = id,
            Sequence = seq,
        };
        return Frames.Ethernet(reply ? Frames.IPv4(icmp, src: Frames.IpB, dst: Frames.IpA) : Frames.IPv4(icmp));
    }

    /// <summary>Frames given to one dissector in order, a millisecond apart.</summary>
    private sealed class Feed(PacketDissector dissector)
    {
        private decimal _time = 1_700_000_000m;

        public DissectedPacket Send(byte[] frame)
        {
            _time += 0.001m;
            return dissector.Dissect(frame, 1, _time, frame.Length);
        }

        public void SendAll(IEnumerable<byte[]> frames)
        {
            foreach (var frame in frames)
                Send(frame);
        }
    }
}
