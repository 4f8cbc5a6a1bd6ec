using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>Runs tshark and `netcourse dissect` on every capture in data/ and compares every field, packet by packet.</summary>
public class TsharkAgreementTests
{
    internal static readonly string[] Fields =
    [
        "frame.number", "frame.time_relative", "frame.len", "frame.cap_len", "eth.src", "eth.dst", "eth.type",
        "ip.src", "ip.dst", "ip.ttl", "ip.proto", "ip.len", "ipv6.src", "ipv6.dst", "tcp.srcport", "tcp.dstport",
        "tcp.stream", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len", "udp.srcport", "udp.dstport", "udp.length",
        "icmp.type", "icmp.code", "arp.opcode", "dns.qry.name", "dns.flags.response", "dns.a", "dns.ns",
        "http.request.method", "http.request.uri", "http.response.code", "tcp.analysis.flags", "tcp.analysis.retransmission",
        "tcp.analysis.duplicate_ack", "tcp.analysis.zero_window", "tcp.analysis.out_of_order",
        "tcp.analysis.window_update", "tcp.analysis.keep_alive", "tcp.analysis.keep_alive_ack", "tcp.flags.reset",
        "tcp.flags.fin", "tcp.flags.syn", "icmpv6.type", "udp.stream", "ip.flags.df", "frame.coloring_rule.name",
        "ip.id", "ip.flags.mf", "ip.frag_offset", "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "ipv6.fraghdr.ident",
        "tls.record.content_type", "tls.record.opaque_type",
        "tls.record.version", "tls.record.length", "tls.handshake.type", "tls.handshake.version",
        "tls.handshake.extensions_server_name", "tls.handshake.extensions.supported_version", "_ws.col.Protocol",
        "_ws.col.Info",
    ];

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var file in CaptureFiles())
            data.Add(Path.GetFileName(file));
        return data;
    }

    private static string[] CaptureFiles() => TestPaths.Captures();

    [Fact]
    public void Data_folder_holds_captures()
    {
        Assert.NotEmpty(CaptureFiles());
    }

    [SkippableTheory]
    [MemberData(nameof(Captures))]
    public void Every_field_agrees_with_tshark(string name)
    {
        Requires.Tool("tshark", "tshark");
        var path = TestPaths.Capture(name);
        var tshark = RunTshark(path, Fields, "--color");
        var ours = Export(path, Fields);
        var expected = tshark.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var actual = ours.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(expected.Length > 0, $"tshark printed nothing for {name}");
        Assert.Equal(expected.Length, actual.Length);
        var differences = new List<string>();
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected[i].Split('\t');
            var a = actual[i].Split('\t');
            Assert.Equal(Fields.Length, e.Length);
            Assert.Equal(Fields.Length, a.Length);
            for (var k = 0; k < Fields.Length; k++)
            {
                if (e[k] != a[k])
                    differences.Add($"{name} paquet {i + 1} {Fields[k]} : tshark « {e[k]} », netcourse « {a[k]} »");
            }
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
    }

    internal static string RunTshark(string path, IEnumerable<string> fields, params string[] extra)
    {
        return TsharkProcess.Run([.. (string[])["-n", "-r", path, .. extra, "-T", "fields"], .. fields.SelectMany(f => new[] { "-e", f })]);
    }

    /// <summary>The library's export (what <c>netcourse dissect</c> prints), as text with <c>\n</c> line ends.</summary>
    internal static string Export(string path, string[] fields, string? filter = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        new FieldExport(fields, filter is null ? null : DisplayFilter.Parse(filter)).Write(path, output);
        return output.ToString();
    }
}
