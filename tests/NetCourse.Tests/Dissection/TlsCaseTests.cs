using System.Globalization;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// TLS as tshark 4.0 prints it on <c>data/04-http-vs-https.pcap</c>, one named case at a time: the TLS 1.3 connection
/// (frames 14–23), the TLS 1.2 connection (frames 30–43), several records in one segment (16, 18, 19, 36, 38, 39) and
/// records spread over segments (the Certificate begun in 32 and completed in 34, the Server Key Exchange begun in 34
/// and completed in 36). The expected rows are what <c>tshark -r data/04-http-vs-https.pcap -T fields</c> prints for
/// <see cref="Fields"/>; the last test checks that tshark still prints exactly them.
/// </summary>
public class TlsCaseTests
{
    private const string Capture = "04-http-vs-https.pcap";

    internal static readonly string[] Fields =
    [
        "frame.number", "tcp.len", "tls.record.content_type", "tls.record.opaque_type", "tls.record.version",
        "tls.record.length", "tls.handshake.type", "tls.handshake.extensions_server_name",
        "tls.handshake.extensions.supported_version", "_ws.col.Protocol", "_ws.col.Info",
    ];

    private const string Sni = "serveur.netcourse.test";
    private const string V12 = "0x0303";

    /// <summary>Every frame of the capture that carries TLS, as tshark prints <see cref="Fields"/>.</summary>
    private static readonly Dictionary<int, TlsRow> Rows = new TlsRow[]
    {
        // TLS 1.3: a TLS 1.0 record for the Client Hello, 0x0303 records after it, the version only in supported_versions;
        // once the Server Hello picks 1.3, application records carry tls.record.opaque_type.
        new(14, 256, "22", "", "0x0301", "251", "1", Sni, "0x0304", "TLSv1", "Client Hello"),
        new(16, 817, "22,20", "23,23,23,23", Repeat(V12, 6), "122,1,23,476,96,69", "2", "", "0x0304", "TLSv1.3",
            "Server Hello, Change Cipher Spec, Application Data, Application Data, Application Data, Application Data"),
        new(18, 80, "20", "23", Repeat(V12, 2), "1,69", "", "", "", "TLSv1.3", "Change Cipher Spec, Application Data"),
        new(19, 510, "", "23,23", Repeat(V12, 2), "250,250", "", "", "", "TLSv1.3", "Application Data, Application Data"),
        new(20, 187, "", "23", V12, "182", "", "", "", "TLSv1.3", "Application Data"),
        new(21, 140, "", "23", V12, "135", "", "", "", "TLSv1.3", "Application Data"),
        new(22, 24, "", "23", V12, "19", "", "", "", "TLSv1.3", "Application Data"),
        new(23, 24, "", "23", V12, "19", "", "", "", "TLSv1.3", "Application Data"),
        // TLS 1.2: no supported_versions; the handshake after Change Cipher Spec is encrypted; close_notify is an Encrypted Alert.
        new(30, 193, "22", "", "0x0301", "188", "1", Sni, "", "TLSv1", "Client Hello"),
        new(32, 300, "22", "", V12, "65", "2", "", "", "TLSv1.2", "Server Hello"),
        new(34, 300, "22", "", V12, "456", "11", "", "", "TLSv1.2", "Certificate"),
        new(36, 60, "22,22", "", Repeat(V12, 2), "115,4", "12,14", "", "", "TLSv1.2", "Server Key Exchange, Server Hello Done"),
        new(38, 93, "22,20,22", "", Repeat(V12, 3), "37,1,40", "16", "", "", "TLSv1.2",
            "Client Key Exchange, Change Cipher Spec, Encrypted Handshake Message"),
        new(39, 242, "22,20,22", "", Repeat(V12, 3), "186,1,40", "4", "", "", "TLSv1.2",
            "New Session Ticket, Change Cipher Spec, Encrypted Handshake Message"),
        new(40, 194, "23", "", V12, "189", "", "", "", "TLSv1.2", "Application Data"),
        new(41, 147, "23", "", V12, "142", "", "", "", "TLSv1.2", "Application Data"),
        new(42, 31, "21", "", V12, "26", "", "", "", "TLSv1.2", "Encrypted Alert"),
        new(43, 31, "21", "", V12, "26", "", "", "", "TLSv1.2", "Encrypted Alert"),
    }.ToDictionary(r => r.Frame);

    private static readonly Dictionary<string, int[]> Cases = new()
    {
        ["TLS 1.3"] = [14, 16, 18, 19, 20, 21, 22, 23],
        ["TLS 1.2"] = [30, 32, 34, 36, 38, 39, 40, 41, 42, 43],
        ["several records in one segment"] = [16, 18, 19, 36, 38, 39],
        ["one record spread over segments"] = [32, 34, 36],
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void Tls13_connection_is_named_from_the_server_hello_on()
    {
        AssertCase("TLS 1.3");
        Assert.Contains(Cases["TLS 1.3"], f => Rows[f] is { SupportedVersion: "0x0304", Protocol: "TLSv1.3" });
    }

    [Fact]
    public void Tls12_connection_hides_the_handshake_after_change_cipher_spec()
    {
        AssertCase("TLS 1.2");
        Assert.All(Cases["TLS 1.2"], f => Assert.NotEqual("TLSv1.3", Rows[f].Protocol));
    }

    [Fact]
    public void Several_records_in_one_segment_are_all_decoded()
    {
        AssertCase("several records in one segment");
        Assert.All(Cases["several records in one segment"], f => Assert.Contains(',', Rows[f].RecordLength));
    }

    [Fact]
    public void A_record_spread_over_segments_is_decoded_on_the_segment_that_completes_it()
    {
        AssertCase("one record spread over segments");
        // Frame 32 holds the Server Hello and the Certificate record's start; 34 (300 bytes) shows that 456-byte record.
        Assert.True(int.Parse(Rows[34].RecordLength, CultureInfo.InvariantCulture) > Rows[34].TcpLength);
        Assert.True(RecordBytes(Rows[32]) < Rows[32].TcpLength);
        Assert.True(RecordBytes(Rows[36]) > Rows[36].TcpLength);
    }

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Tshark_prints_these_values(string name)
    {
        Requires.Tool("tshark", "tshark");
        var tshark = ByFrame(TsharkAgreementTests.RunTshark(TestPaths.Capture(Capture), Fields));
        Assert.All(Cases[name], f => Assert.Equal(Rows[f].ToString(), tshark[f]));
    }

    private static void AssertCase(string name)
    {
        var ours = ByFrame(TsharkAgreementTests.Export(TestPaths.Capture(Capture), Fields));
        Assert.All(Cases[name], f => Assert.Equal(Rows[f].ToString(), ours[f]));
    }

    private static Dictionary<int, string> ByFrame(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => int.Parse(line[..line.IndexOf('\t', StringComparison.Ordinal)], CultureInfo.InvariantCulture));

    /// <summary>The bytes of the records a frame shows, headers included.</summary>
    private static int RecordBytes(TlsRow row) =>
        row.RecordLength.Split(',').Sum(length => 5 + int.Parse(length, CultureInfo.InvariantCulture));

    private static string Repeat(string value, int count) => string.Join(',', Enumerable.Repeat(value, count));

    /// <summary>One frame's values, in the order of <see cref="Fields"/>.</summary>
    private sealed record TlsRow(int Frame, int TcpLength, string ContentType, string OpaqueType, string Version,
        string RecordLength, string HandshakeType, string ServerName, string SupportedVersion, string Protocol, string Info)
    {
        public override string ToString() => string.Join('\t', Frame, TcpLength, ContentType, OpaqueType, Version,
            RecordLength, HandshakeType, ServerName, SupportedVersion, Protocol, Info);
    }
}
