using System.Globalization;
using System.Text.RegularExpressions;
using NetCourse.Dissection;
using Xunit.Abstractions;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// A click on a line of the details pane highlights that field's bytes, as in Wireshark, not its whole layer: each
/// line carries its field's byte range (offset, length), the same as tshark's (<c>-T pdml</c> pos and size), and the
/// inspector's HTML hands it to the bytes pane (<c>data-off</c>, <c>data-len</c> on the line, <c>data-i</c> on each byte).
/// </summary>
public partial class FieldBytesTests(ITestOutputHelper output)
{
    /// <summary>Fields the course points at, in every data/ capture that has them.</summary>
    private static readonly string[] Sample =
    [
        "eth.dst", "eth.src", "eth.type", "ip.hdr_len", "ip.len", "ip.flags", "ip.flags.df", "ip.ttl", "ip.proto", "ip.src",
        "ip.dst", "tcp.srcport", "tcp.dstport", "tcp.seq", "tcp.ack", "tcp.flags", "tcp.flags.syn", "tcp.window_size_value",
        "udp.srcport", "udp.dstport", "udp.length", "icmp.type", "icmp.code", "icmp.seq", "dns.id", "dns.flags",
    ];

    private static readonly string[] Captures = ["06-tcp-handshake.pcap", "06-http.pcap", "03-dns.pcap", "08-traceroute.pcap", "01-ping.pcap"];

    [SkippableFact]
    public void Each_details_line_covers_the_bytes_tshark_gives_its_field()
    {
        Requires.Tool("tshark", "tshark");
        int compared = 0;
        var misses = new List<string>();
        foreach (var name in Captures)
        {
            var path = TestPaths.Capture(name);
            var theirs = Pdml(path);
            var packets = CaptureFileDissector.Read(path).ToList();
            Assert.Equal(theirs.Count, packets.Count);
            for (var i = 0; i < packets.Count; i++)
            {
                // The first line of each field (a time exceeded quotes a second IPv4 header further on).
                var ours = packets[i].Layers.SelectMany(l => WiresharkTree.Lines(l, packets[i].Bytes.Span))
                    .GroupBy(l => l.Field).ToDictionary(g => g.Key, g => g.First());
                foreach (var field in Sample)
                {
                    if (!theirs[i].TryGetValue(field, out var range) || !ours.TryGetValue(field, out var line)) continue;
                    compared++;
                    if ((line.Offset, line.Length) != range)
                        misses.Add($"{name} #{i + 1} {field}: {line.Offset}+{line.Length}, tshark {range.Pos}+{range.Size}");
                }
            }
        }
        output.WriteLine($"byte ranges equal to tshark's: {compared - misses.Count}/{compared}");
        Assert.True(compared > 300, $"only {compared} fields compared");
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses.Take(20)));
    }

    [Fact]
    public void The_inspector_highlights_the_clicked_fields_bytes()
    {
        var packet = CaptureFileDissector.Read(TestPaths.Capture("06-tcp-handshake.pcap")).First();
        var html = new PacketInspector(packet).ToHtml();
        var ranges = LineRanges().Matches(html).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))).ToList();
        // Ethernet frame: 14 bytes of Ethernet, then IPv4 (TTL is its 9th byte), then TCP.
        Assert.Contains(("ip.ttl", 22, 1), ranges);
        Assert.Contains(("tcp.srcport", 34, 2), ranges);
        Assert.Contains(("ip.src", 26, 4), ranges);
        Assert.Contains(("eth.type", 12, 2), ranges);
        // Every line with bytes says so, as its field does.
        var withBytes = packet.Layers.SelectMany(l => WiresharkTree.Lines(l, packet.Bytes.Span)).Where(l => l.Offset >= 0 && l.Length > 0).ToList();
        Assert.Equal(withBytes.Select(l => (l.Field, l.Offset, l.Length)), ranges);
        // Each byte is there twice (hex and ASCII), with its index, so a click can light exactly the field's bytes.
        for (var i = 0; i < packet.Bytes.Length; i++)
            Assert.Equal(2, Regex.Count(html, $"data-i=\"{i}\""));
        Assert.Contains("data-off", Regex.Match(html, "onclick=\"([^\"]*)\"").Groups[1].Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("title=\"([^\"]+)\" data-off=\"(\\d+)\" data-len=\"(\\d+)\"")]
    private static partial Regex LineRanges();

    /// <summary>For each packet, the first pos and size tshark gives each field that has bytes.</summary>
    private static List<Dictionary<string, (int Pos, int Size)>> Pdml(string path)
    {
        var packets = new List<Dictionary<string, (int, int)>>();
        foreach (var packet in TsharkProcess.PdmlPackets(path))
        {
            var fields = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
            foreach (var field in packet.Descendants("field"))
            {
                var name = (string?)field.Attribute("name");
                if (string.IsNullOrEmpty(name) || fields.ContainsKey(name)) continue;
                if (int.TryParse((string?)field.Attribute("pos"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pos) && int.TryParse((string?)field.Attribute("size"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0)
                    fields[name] = (pos, size);
            }
            packets.Add(fields);
        }
        return packets;
    }
}
