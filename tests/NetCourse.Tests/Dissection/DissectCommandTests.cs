using System.Text;
using NetCourse.Cli.Dissect;

namespace NetCourse.Tests.Dissection;

public sealed class DissectCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netcourse-dissect-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs <c>netcourse dissect</c>'s command in process: its exit code, its output and its error lines.</summary>
    private static string RunDissect(string path, string[] fields, out int exit, out string error, string? filter = null)
    {
        using var output = new MemoryStream();
        using var err = new StringWriter();
        exit = DissectCommand.Run(path, filter, fields, output, err);
        error = err.ToString();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string Sample() =>
        TestPaths.Captures("*.pcap").OrderByDescending(f => new FileInfo(f).Length).First();

    [Fact]
    public void Not_a_capture_gives_one_french_line_and_exit_1()
    {
        var path = Path.Combine(_dir, "texte.pcap");
        File.WriteAllText(path, "ceci n'est pas une capture, juste du texte assez long pour un en-tête\n");
        var output = RunDissect(path, ["frame.number"], out var exit, out var error);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("capture", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_missing_files_exit_1()
    {
        var empty = Path.Combine(_dir, "vide.pcap");
        File.WriteAllBytes(empty, []);
        RunDissect(empty, ["frame.number"], out var exit, out var error);
        Assert.Equal(1, exit);
        Assert.Contains("vide", error, StringComparison.Ordinal);
        RunDissect(Path.Combine(_dir, "absent.pcap"), ["frame.number"], out exit, out error);
        Assert.Equal(1, exit);
        Assert.Contains("introuvable", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_capture_prints_the_packets_before_the_damage_then_fails()
    {
        var sample = Sample();
        var whole = RunDissect(sample, ["frame.number"], out var exit, out _).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.True(whole.Length >= 3);
        var bytes = File.ReadAllBytes(sample);
        var cut = Path.Combine(_dir, "coupee.pcap");
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 5)]);
        var lines = RunDissect(cut, ["frame.number"], out exit, out var error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Equal(whole[..^1], lines);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("tronquée", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_columns_are_the_packet_list()
    {
        var output = RunDissect(Sample(), [], out var exit, out _);
        Assert.Equal(0, exit);
        var first = output.Split('\n')[0].Split('\t');
        Assert.Equal(7, first.Length);
        Assert.Equal("1", first[0]);
    }

    [SkippableFact]
    public void Display_filter_selects_the_same_packets_as_tshark()
    {
        Requires.Tool("tshark", "tshark");
        foreach (var sample in TestPaths.Captures())
        {
            foreach (var filter in new[] { "tcp.flags.syn == 1", "udp || arp", "!tcp", "ip.ttl < 64 || tcp.analysis.flags" })
            {
                var expected = TsharkAgreementTests.RunTshark(sample, ["frame.number"], "-Y", filter);
                var actual = TsharkAgreementTests.Export(sample, ["frame.number"], filter);
                Assert.True(expected == actual, $"{Path.GetFileName(sample)} -Y \"{filter}\" : tshark [{expected.Replace('\n', ' ')}] netcourse [{actual.Replace('\n', ' ')}]");
            }
        }
    }

    [Fact]
    public void Bad_filter_gives_one_line_with_the_position_and_exit_1()
    {
        var output = RunDissect(Sample(), ["frame.number"], out var exit, out var error, "tcp.port == ");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("caractère", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_gives_an_empty_column_and_a_warning()
    {
        var output = RunDissect(Sample(), ["frame.number", "tcp.bogus_field"], out var exit, out var error);
        Assert.Equal(0, exit);
        Assert.Equal("1\t", output.Split('\n')[0]);
        Assert.Contains("tcp.bogus_field", error, StringComparison.Ordinal);
        RunDissect(Sample(), ["frame.number", "tcp.seq", "_ws.col.Info", "frame.coloring_rule.name"], out _, out error);
        Assert.Equal("", error);
    }
}
