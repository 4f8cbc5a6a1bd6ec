using System.Globalization;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// The library's <c>-T fields</c> export (the engine behind <c>netcourse dissect</c>): every kept packet once and in
/// order across the reader/writer batches, the packets before a damaged end written before the error.
/// </summary>
public sealed class FieldExportTests : IDisposable
{
    // Not a multiple of the export's batch size, so a partial last batch is exercised too.
    private const int FrameCount = 1000;
    private readonly string _dir = Directory.CreateTempSubdirectory("netcourse-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A capture of <see cref="FrameCount"/> TCP segments; every third one has a TTL of 32, the others 64.</summary>
    private string WriteCapture()
    {
        var start = 1_795_000_000_000_000_000L;
        var frames = Enumerable.Range(0, FrameCount).Select(i =>
        {
            var tcp = Frames.Tcp(40000, 80, (uint)(1000 + i), 1, ackFlag: true);
            var bytes = Frames.EthernetTcp(tcp, ttl: i % 3 == 0 ? (byte)32 : (byte)64);
            return new CapturedFrame(start + i * 1_000L, bytes.Length, bytes);
        }).ToList();
        var path = Path.Combine(_dir, "segments.pcap");
        new PacketTrace(1, frames, "export").WritePcap(path);
        return path;
    }

    private static string[] Lines(StringWriter output) => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Every_packet_the_filter_keeps_is_written_once_in_order()
    {
        var path = WriteCapture();
        using var output = new StringWriter();
        var written = new FieldExport(["frame.number", "ip.ttl"], DisplayFilter.Parse("ip.ttl < 64")).Write(path, output);
        var expected = Enumerable.Range(0, FrameCount).Where(i => i % 3 == 0)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 1}\t32")).ToArray();
        Assert.Equal(expected, Lines(output));
        Assert.Equal(expected.Length, written);
    }

    [Fact]
    public void A_truncated_capture_writes_the_packets_before_the_damage_then_throws()
    {
        var bytes = File.ReadAllBytes(WriteCapture());
        var cut = Path.Combine(_dir, "coupee.pcap");
        File.WriteAllBytes(cut, bytes[..^5]);
        using var output = new StringWriter();
        var export = new FieldExport(["frame.number"]);
        var error = Assert.Throws<CaptureFileException>(() => export.Write(cut, output));
        Assert.Contains("tronquée", error.Message, StringComparison.Ordinal);
        var expected = Enumerable.Range(1, FrameCount - 1).Select(n => n.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, Lines(output));
    }

    [Fact]
    public void No_field_means_the_packet_list_and_unknown_fields_are_named()
    {
        var export = new FieldExport([]);
        Assert.Equal(FieldExport.DefaultFields, export.Fields);
        Assert.Empty(export.UnknownFields);
        var odd = new FieldExport(["frame.number", "tcp.bogus_field", "tcp.bogus_field", FieldRowWriter.ColoringRuleField]);
        Assert.Equal(["tcp.bogus_field"], odd.UnknownFields);
        using var output = new StringWriter();
        odd.Write(WriteCapture(), output);
        // Port 80: Wireshark's HTTP rule comes before its TCP one.
        Assert.Equal("1\t\t\tHTTP", Lines(output)[0]);
    }
}
