using System.Net;
using System.Net.NetworkInformation;
using System.Text;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetCourse.Bench.Dissect;

/// <summary>
/// Writes a synthetic Ethernet capture with SharpPcap's file writer: TCP connections carrying HTTP (handshake,
/// request, response, teardown, some retransmissions and duplicate ACKs), bulk TCP data, DNS over UDP, TLS 1.3 and
/// TLS 1.2 connections (the real byte streams of <see cref="TlsConversations.Source"/>, replayed) and IP datagrams
/// larger than the MTU, cut into fragments (UDP and ICMP echo over IPv4, UDP over IPv6), all between loopback
/// addresses: what is parsed includes TLS decoding and fragment reassembly.
/// </summary>
internal static class SyntheticCapture
{
    private static readonly PhysicalAddress Zero = PhysicalAddress.Parse("00-00-00-00-00-00");
    private static readonly byte[] Request = Encoding.ASCII.GetBytes("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: bench\r\n\r\n");
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n<p>salut</p>");

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<TlsSegment>>> Tls = new(() => TlsConversations.Read(TlsConversations.Locate()));

    public static void Write(string path, int packets)
    {
        using var writer = new CaptureFileWriterDevice(path, FileMode.Create);
        writer.Open(new DeviceConfiguration { LinkLayerType = LinkLayers.Ethernet, Snaplen = 65535 });
        var time = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
        var written = 0;
        var conversation = 0;
        void Emit(byte[] frame)
        {
            if (written >= packets)
                return;
            time = time.AddTicks(170);
            writer.Write(new RawCapture(LinkLayers.Ethernet, new PosixTimeval(time), frame));
            written++;
        }
        while (written < packets)
        {
            conversation++;
            var client = IPAddress.Parse("127.0.0.1");
            var server = IPAddress.Parse("127.0.0." + (2 + conversation % 200));
            var clientPort = (ushort)(20000 + conversation % 40000);
            switch (conversation % 6)
            {
                case 0:
                    Dns(Emit, client, server, clientPort, conversation);
                    break;
                case 3:
                    Bulk(Emit, client, server, clientPort, conversation);
                    break;
                case 4:
                    TlsReplay(Emit, client, server, clientPort, conversation);
                    break;
                case 5:
                    Fragments(Emit, client, server, conversation);
                    break;
                default:
                    Http(Emit, client, server, clientPort, conversation);
                    break;
            }
        }
        writer.Close();
    }

    private static void Http(Action<byte[]> emit, IPAddress c, IPAddress s, ushort port, int n)
    {
        uint cs = (uint)(n * 7919), ss = (uint)(n * 104729);
        emit(Tcp(c, s, port, 8080, cs, 0, syn: true));
        emit(Tcp(s, c, 8080, port, ss, cs + 1, syn: true, ack: true));
        emit(Tcp(c, s, port, 8080, cs + 1, ss + 1, ack: true));
        emit(Tcp(c, s, port, 8080, cs + 1, ss + 1, ack: true, psh: true, payload: Request));
        emit(Tcp(s, c, 8080, port, ss + 1, cs + 1 + (uint)Request.Length, ack: true));
        emit(Tcp(s, c, 8080, port, ss + 1, cs + 1 + (uint)Request.Length, ack: true, psh: true, payload: Response));
        if (n % 10 == 1)
            emit(Tcp(s, c, 8080, port, ss + 1, cs + 1 + (uint)Request.Length, ack: true, psh: true, payload: Response));
        emit(Tcp(c, s, port, 8080, cs + 1 + (uint)Request.Length, ss + 1 + (uint)Response.Length, ack: true));
        emit(Tcp(c, s, port, 8080, cs + 1 + (uint)Request.Length, ss + 1 + (uint)Response.Length, ack: true, fin: true));
        emit(Tcp(s, c, 8080, port, ss + 1 + (uint)Response.Length, cs + 2 + (uint)Request.Length, ack: true, fin: true));
        emit(Tcp(c, s, port, 8080, cs + 2 + (uint)Request.Length, ss + 2 + (uint)Response.Length, ack: true));
    }

    private static void Bulk(Action<byte[]> emit, IPAddress c, IPAddress s, ushort port, int n)
    {
        uint cs = (uint)(n * 31), ss = (uint)(n * 17);
        var chunk = new byte[1000];
        emit(Tcp(c, s, port, 12800, cs, 0, syn: true));
        emit(Tcp(s, c, 12800, port, ss, cs + 1, syn: true, ack: true));
        emit(Tcp(c, s, port, 12800, cs + 1, ss + 1, ack: true));
        var seq = cs + 1;
        for (var i = 0; i < 20; i++)
        {
            emit(Tcp(c, s, port, 12800, seq, ss + 1, ack: true, payload: chunk));
            seq += (uint)chunk.Length;
            if (i % 2 == 1)
                emit(Tcp(s, c, 12800, port, ss + 1, seq, ack: true));
        }
        emit(Tcp(s, c, 12800, port, ss + 1, seq, ack: true));
        emit(Tcp(s, c, 12800, port, ss + 1, seq, ack: true, rst: true));
    }

    /// <summary>One of the recorded TLS connections, taken in turn: handshake, each recorded segment acknowledged by the peer, close.</summary>
    private static void TlsReplay(Action<byte[]> emit, IPAddress c, IPAddress s, ushort port, int n)
    {
        var segments = Tls.Value[n / 6 % Tls.Value.Count];
        uint cs = (uint)(n * 7907), ss = (uint)(n * 104723);
        emit(Tcp(c, s, port, 443, cs, 0, syn: true));
        emit(Tcp(s, c, 443, port, ss, cs + 1, syn: true, ack: true));
        emit(Tcp(c, s, port, 443, cs + 1, ss + 1, ack: true));
        uint cseq = cs + 1, sseq = ss + 1;
        foreach (var segment in segments)
        {
            var length = (uint)segment.Payload.Length;
            if (segment.FromClient)
            {
                emit(Tcp(c, s, port, 443, cseq, sseq, ack: true, psh: true, payload: segment.Payload));
                cseq += length;
                emit(Tcp(s, c, 443, port, sseq, cseq, ack: true));
            }
            else
            {
                emit(Tcp(s, c, 443, port, sseq, cseq, ack: true, psh: true, payload: segment.Payload));
                sseq += length;
                emit(Tcp(c, s, port, 443, cseq, sseq, ack: true));
            }
        }
        emit(Tcp(s, c, 443, port, sseq, cseq, ack: true, fin: true));
        emit(Tcp(c, s, port, 443, cseq, sseq + 1, ack: true, fin: true));
        emit(Tcp(s, c, 443, port, sseq + 1, cseq + 1, ack: true));
    }

    /// <summary>A 3000-byte UDP datagram and a 2000-byte ping and its reply over IPv4, or a 3000-byte UDP datagram over IPv6, in turn.</summary>
    private static void Fragments(Action<byte[]> emit, IPAddress c, IPAddress s, int n)
    {
        var id = (ushort)(n / 6);
        if (n / 6 % 2 == 0)
        {
            foreach (var frame in FragmentedDatagrams.UdpOverIpv4(c, s, UdpPort(n), 12900, 3000, id))
                emit(frame);
            foreach (var frame in FragmentedDatagrams.EchoOverIpv4(c, s, reply: false, id, 1, 2000, (ushort)(id + 1)))
                emit(frame);
            foreach (var frame in FragmentedDatagrams.EchoOverIpv4(s, c, reply: true, id, 1, 2000, (ushort)(id + 2)))
                emit(frame);
        }
        else
        {
            foreach (var frame in FragmentedDatagrams.UdpOverIpv6(IPAddress.IPv6Loopback, IPAddress.IPv6Loopback, UdpPort(n), 12900, 3000, (uint)n))
                emit(frame);
        }
    }

    /// <summary>
    /// The fragmented datagrams' source port: 33000–33999, where tshark 4.0 registers no UDP dissector (from the
    /// client port range, 24577 would be decoded as MINT and 27961 as Quake III, which the course does not decode).
    /// </summary>
    private static ushort UdpPort(int n) => (ushort)(33000 + n % 1000);

    private static void Dns(Action<byte[]> emit, IPAddress c, IPAddress s, ushort port, int n)
    {
        var name = $"h{n % 1000}.cours.test";
        emit(Udp(c, s, port, 53, DnsMessage((ushort)n, name, false)));
        emit(Udp(s, c, 53, port, DnsMessage((ushort)n, name, true)));
    }

    private static byte[] DnsMessage(ushort id, string name, bool response)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, (byte)(response ? 0x81 : 0x01), (byte)(response ? 0x80 : 0x00), 0, 1, 0, (byte)(response ? 1 : 0), 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.AddRange(new byte[] { 0, 0, 1, 0, 1 });
        if (response)
            bytes.AddRange(new byte[] { 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 53 });
        return bytes.ToArray();
    }

    private static byte[] Tcp(IPAddress src, IPAddress dst, ushort sp, ushort dp, uint seq, uint ackNo, bool syn = false, bool ack = false,
        bool fin = false, bool rst = false, bool psh = false, byte[]? payload = null) =>
        TcpFrame(src, dst, sp, dp, seq, ackNo, syn, ack, fin, rst, psh, payload);

    private static byte[] TcpFrame(IPAddress src, IPAddress dst, ushort sp, ushort dp, uint seq, uint ackNo, bool syn, bool ack, bool fin, bool rst, bool psh, byte[]? payload)
    {
        var tcp = new TcpPacket(sp, dp)
        {
            SequenceNumber = seq,
            AcknowledgmentNumber = ackNo,
            Synchronize = syn,
            Acknowledgment = ack,
            Finished = fin,
            Reset = rst,
            Push = psh,
            WindowSize = 65535,
        };
        if (payload is not null)
            tcp.PayloadData = payload;
        var ip = new IPv4Packet(src, dst) { TimeToLive = 64, PayloadPacket = tcp };
        ip.UpdateCalculatedValues();
        ip.UpdateIPChecksum();
        return new EthernetPacket(Zero, Zero, EthernetType.IPv4) { PayloadPacket = ip }.Bytes;
    }

    private static byte[] Udp(IPAddress src, IPAddress dst, ushort sp, ushort dp, byte[] payload)
    {
        var udp = new UdpPacket(sp, dp) { PayloadData = payload };
        var ip = new IPv4Packet(src, dst) { TimeToLive = 64, PayloadPacket = udp };
        ip.UpdateCalculatedValues();
        udp.UpdateCalculatedValues();
        ip.UpdateIPChecksum();
        return new EthernetPacket(Zero, Zero, EthernetType.IPv4) { PayloadPacket = ip }.Bytes;
    }
}
