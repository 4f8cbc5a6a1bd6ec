using System.Net;
using System.Net.NetworkInformation;
using NetCourse.Course;
using NetCourse.Dissection;
using PacketDotNet;

namespace NetCourse.Tests.Dissection;

public class LayersTests
{
    internal static EthernetPacket BuildFrame(ushort dstPort = 12807, string text = "Bonjour couches !")
    {
        var tcp = new TcpPacket(40777, dstPort)
        {
            SequenceNumber = 1000,
            Synchronize = true,
            WindowSize = 64240,
            PayloadData = System.Text.Encoding.UTF8.GetBytes(text),
        };
        var ip = new IPv4Packet(IPAddress.Loopback, IPAddress.Loopback) { TimeToLive = 64, PayloadPacket = tcp };
        var eth = new EthernetPacket(PhysicalAddress.Parse("00-00-00-00-00-00"), PhysicalAddress.Parse("00-00-00-00-00-00"), EthernetType.IPv4) { PayloadPacket = ip };
        tcp.UpdateTcpChecksum();
        ip.UpdateIPChecksum();
        return eth;
    }

    [Fact]
    public void Each_header_wraps_the_layer_above()
    {
        var eth = BuildFrame();
        var view = EncapsulationView.Of(eth);
        Assert.Equal([LayerKind.Link, LayerKind.Network, LayerKind.Transport, LayerKind.Application], view.Layers.Select(l => l.Kind));
        Assert.Equal([0, 14, 34, 54], view.Layers.Select(l => l.Offset));
        Assert.Equal([14, 20, 20, 17], view.Layers.Select(l => l.HeaderLength));
        Assert.Equal([71, 57, 37, 17], view.Layers.Select(l => l.TotalLength));
        Assert.Equal(LayerKind.Network, view.LayerAt(14 + 8)!.Kind); // the TTL byte
        Assert.Equal(LayerKind.Application, view.LayerAt(70)!.Kind);
        var html = view.ToHtml();
        Assert.Contains("Ethernet II", html);
        Assert.Contains("couche transport", html);
        Assert.Contains("42 6f 6e 6a", html); // "Bonj"
    }

    [Fact]
    public void The_same_layers_come_from_the_dissector()
    {
        var eth = BuildFrame();
        var packet = new PacketDissector().Dissect(eth.Bytes, NetCourse.Capture.LinkType.Ethernet, 1_700_000_000m, eth.Bytes.Length);
        var view = EncapsulationView.Of(packet);
        Assert.Equal(EncapsulationView.Of(eth).Layers.Select(l => (l.Kind, l.Offset, l.HeaderLength)), view.Layers.Select(l => (l.Kind, l.Offset, l.HeaderLength)));
        var details = new DetailsPaneView(packet);
        Assert.Equal([LayerKind.Frame, LayerKind.Link, LayerKind.Network, LayerKind.Transport, LayerKind.Application], details.Entries.Select(e => e.Kind));
        Assert.Contains("datagramme", details.ToHtml());
        // Folded under each entry: Wireshark's lines, not tshark's field names; the name is on hover.
        Assert.Matches("title=\"ip.ttl\">Time to Live: [0-9]+</li>", details.ToHtml());
        Assert.DoesNotContain("<code>ip.ttl</code>", details.ToHtml());
    }

    [Fact]
    public void Checksums_computed_by_hand_match_packetdotnet_and_detect_damage()
    {
        var eth = BuildFrame();
        var ip = (IPv4Packet)eth.PayloadPacket;
        var ipSum = InternetChecksum.ExplainIPv4Header(ip);
        Assert.True(ipSum.Matches);
        Assert.Equal(ip.Checksum, ipSum.Checksum);
        Assert.True(ip.ValidIPChecksum);
        var tcpSum = InternetChecksum.ExplainTcp(ip);
        Assert.True(tcpSum.Matches);
        Assert.Equal(((TcpPacket)ip.PayloadPacket).Checksum, tcpSum.Checksum);
        // RFC 1071's example: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2, checksum 0x220d.
        Assert.Equal(0x220d, InternetChecksum.Compute([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]));
        // Damage one payload byte: the TCP checksum no longer matches.
        ip.PayloadPacket.PayloadData[0] ^= 0xff;
        Assert.False(InternetChecksum.ExplainTcp(ip).Matches);
        Assert.Contains("jetterait", InternetChecksum.ExplainTcp(ip).ToHtml());
    }

    [Fact]
    public void The_quiz_reads_the_expected_layer_from_the_packet()
    {
        var eth = BuildFrame();
        var packet = new PacketDissector().Dissect(eth.Bytes, NetCourse.Capture.LinkType.Ethernet, 1_700_000_000m, eth.Bytes.Length);
        Assert.Equal(LayerKind.Network, LayerQuiz.LayerOf(packet, "ip.ttl"));
        Assert.Equal(LayerKind.Transport, LayerQuiz.LayerOf(packet, "tcp.dstport"));
        Assert.Equal(LayerKind.Link, LayerQuiz.LayerOf(packet, "eth.src"));
        Assert.Equal(LayerKind.Frame, LayerQuiz.LayerOf(packet, "frame.len"));
        Assert.Null(LayerQuiz.LayerOf(packet, "udp.port"));
        var good = LayerQuiz.Check(packet, new Dictionary<string, string> { ["ip.ttl"] = "Réseau", ["tcp.dstport"] = "couche transport", ["eth.dst"] = "liaison", ["frame.len"] = "média" });
        Assert.True(good.Passed, good.Feedback);
        var bad = LayerQuiz.Check(packet, new Dictionary<string, string> { ["ip.ttl"] = "transport", ["tcp.dstport"] = "transport", ["eth.src"] = "???" });
        Assert.False(bad.Passed);
        Assert.Contains("1 bonne(s) réponse(s) sur 3", bad.Feedback);
        Assert.False(LayerQuiz.Check(packet, new Dictionary<string, string>()).Passed);
    }

    [Fact]
    public void The_quiz_fails_when_answers_are_deleted_and_refuses_the_physical_layer_for_frame()
    {
        var eth = BuildFrame();
        var packet = new PacketDissector().Dissect(eth.Bytes, NetCourse.Capture.LinkType.Ethernet, 1_700_000_000m, eth.Bytes.Length);
        var one = LayerQuiz.Check(packet, new Dictionary<string, string> { ["ip.ttl"] = "réseau" });
        Assert.False(one.Passed);
        Assert.Contains("Il manque une réponse pour : eth.dst, tcp.dstport, frame.len", one.Feedback);
        var physical = LayerQuiz.Check(packet, new Dictionary<string, string>
        { ["eth.dst"] = "liaison", ["ip.ttl"] = "réseau", ["tcp.dstport"] = "transport", ["frame.len"] = "physique" });
        Assert.False(physical.Passed);
        Assert.Contains("métadonnées de la capture", physical.Feedback);
    }

    [Fact]
    public void The_models_table_puts_osi_beside_tcp_ip()
    {
        var html = new NetworkModelsView().ToHtml();
        Assert.Equal(7, NetworkModelsView.Rows.Count);
        Assert.Equal(7, NetworkModelsView.Rows.Sum(r => r.TcpIpRows));
        Assert.Contains("rowspan=\"3\"", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("Liaison de données"), html);
    }

    [Fact]
    public async Task Without_live_capture_the_frame_goes_through_a_pcap_file()
    {
        var result = await LoopbackRoundTrip.SendAndCaptureAsync(BuildFrame(), "tcp port 12807", 5, TimeSpan.FromSeconds(2), allowLive: false, CancellationToken.None);
        try
        {
            Assert.False(result.IsLive);
            Assert.NotNull(result.PcapPath);
            var p = Assert.Single(result.Packets);
            Assert.Equal("127.0.0.1", p.Source);
            Assert.Equal("40777", p.FieldText("tcp.srcport"));
            Assert.Equal(BuildFrame().Bytes, p.Bytes.ToArray());
        }
        finally
        {
            if (result.PcapPath is not null) File.Delete(result.PcapPath);
        }
    }

    [SkippableFact]
    public async Task With_capture_rights_the_frame_is_sent_on_lo_and_captured_back()
    {
        Requires.Capture("envoyer une trame sur lo et la capturer"); // without rights: the fallback test above
        var result = await LoopbackRoundTrip.SendAndCaptureAsync(BuildFrame(12808), "tcp port 12808", 5, TimeSpan.FromSeconds(3));
        Assert.True(result.IsLive);
        var ours = Assert.Single(result.Packets, p => p.FieldText("tcp.srcport") == "40777" && p.FieldText("tcp.flags.syn") == "1");
        Assert.Equal(BuildFrame(12808).Bytes, ours.Bytes.ToArray()); // captured byte for byte as built
        Assert.Null(result.PcapPath);
    }

    [Fact]
    public async Task Frames_to_other_than_loopback_are_refused()
    {
        var eth = BuildFrame();
        ((IPv4Packet)eth.PayloadPacket).DestinationAddress = IPAddress.Parse("198.18.0.1");
        await Assert.ThrowsAsync<ArgumentException>(() => LoopbackRoundTrip.SendAndCaptureAsync(eth, "tcp", 1, TimeSpan.FromSeconds(1)));
    }
}
