using System.Buffers.Binary;
using System.Text;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// Where tshark 4.0 decodes TLS: on the 24 TCP ports its tcp.port table gives TLS (443, 993 …), naming the
/// application data after its tls.port table, and on any other port through its TLS heuristic (on by default), which
/// then keeps the whole connection as TLS. Checked with tshark on the same frames written to a pcap.
/// </summary>
public class TlsPortsTests
{
    [Fact]
    public void Imap_over_tls_is_decoded_and_its_application_data_named()
    {
        var d = new PacketDissector();
        var hello = d.Dissect(Frame(40000, 993, 1, ClientHello("imap.netcourse.test")), 1, 1m, 141);
        var data = d.Dissect(Frame(993, 40000, 1, [.. ApplicationData(40), .. ApplicationData(20)]), 1, 2m, 124);

        Assert.Equal("TLSv1", hello.Protocol);
        Assert.Equal("Client Hello", hello.Info);
        Assert.Equal("imap.netcourse.test", hello.FieldText("tls.handshake.extensions_server_name"));
        Assert.Equal("TLSv1.2", data.Protocol);
        Assert.Equal("Application Data, Application Data", data.Info);
        var records = Lines(data).Where(l => l.Field == "tls.record").Select(l => l.Text).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("TLSv1.2 Record Layer: Application Data Protocol: Internet Message Access Protocol", r));
    }

    [Fact]
    public void Tls_on_an_unlisted_port_is_found_by_the_heuristic_and_kept_for_the_connection()
    {
        var d = new PacketDissector();
        var hello = d.Dissect(Frame(40000, 12345, 1, ClientHello("x.test")), 1, 1m, 128);
        // The server's answer would not pass the heuristic alone (content type 20 is not Handshake or Application Data).
        var changeCipherSpec = d.Dissect(Frame(12345, 40000, 1, [20, 3, 3, 0, 1, 1]), 1, 2m, 60);

        Assert.Equal("TLSv1", hello.Protocol);
        Assert.Equal("Client Hello", hello.Info);
        Assert.Contains(Lines(hello), l => l.Text == "TLSv1 Record Layer: Handshake Protocol: Client Hello");
        Assert.Equal("TLSv1.2", changeCipherSpec.Protocol);
        Assert.Equal("Change Cipher Spec", changeCipherSpec.Info);
    }

    [Fact]
    public void Other_payloads_on_unlisted_ports_stay_data()
    {
        var p = new PacketDissector().Dissect(Frame(40000, 12345, 1, Encoding.ASCII.GetBytes("bonjour")), 1, 1m, 61);
        Assert.Equal("TCP", p.Protocol);
        Assert.DoesNotContain(p.Layers, l => l.Protocol == "tls");
    }

    [Fact]
    public void Clear_text_on_port_443_is_not_taken_as_tls()
    {
        // sanders_wrongdissector.pcapng: an FTP server on port 443. dissect_ssl turns down a payload that opens with
        // four printable characters, and tshark shows plain TCP.
        var p = new PacketDissector().Dissect(Frame(443, 40000, 1, Encoding.ASCII.GetBytes("220-FileZilla Server\r\n")), 1, 1m, 76);
        Assert.Equal("TCP", p.Protocol);
        Assert.DoesNotContain(p.Layers, l => l.Protocol == "tls");
        Assert.StartsWith("443 → 40000 [PSH, ACK]", p.Info, StringComparison.Ordinal);
    }

    private static IEnumerable<WiresharkLine> Lines(DissectedPacket p) =>
        p.Layers.Where(l => l.Protocol == "tls").SelectMany(l => WiresharkTree.Lines(l, p.Bytes.Span));

    /// <summary>A TLS 1.3 Client Hello in a TLS 1.0 record: one cipher suite, the SNI and supported_versions.</summary>
    private static byte[] ClientHello(string serverName)
    {
        var name = Encoding.ASCII.GetBytes(serverName);
        byte[] sni = [0, 0, .. U16(name.Length + 5), .. U16(name.Length + 3), 0, .. U16(name.Length), .. name];
        byte[] versions = [0, 43, 0, 3, 2, 3, 4];
        byte[] extensions = [.. sni, .. versions];
        byte[] body = [3, 3, .. new byte[32], 0, 0, 2, 0x13, 1, 1, 0, .. U16(extensions.Length), .. extensions];
        byte[] handshake = [1, 0, .. U16(body.Length), .. body];
        return [22, 3, 1, .. U16(handshake.Length), .. handshake];
    }

    private static byte[] ApplicationData(int length) =>
        [23, 3, 3, .. U16(length), .. Enumerable.Range(0, length).Select(i => (byte)i)];

    private static byte[] U16(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        return bytes;
    }

    /// <summary>A segment of the connection 198.18.0.1:40000 (the client) to the server port; from the server when it sends.</summary>
    private static byte[] Frame(ushort src, ushort dst, uint seq, byte[] payload) =>
        Frames.EthernetTcp(Frames.Tcp(src, dst, seq, 1, ackFlag: true, psh: true, payload: payload), reverse: src < dst);
}
