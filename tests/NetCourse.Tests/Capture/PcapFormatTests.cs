using System.Globalization;
using NetCourse.Capture;
using NetCourse.Platform;

namespace NetCourse.Tests.Capture;

public class PcapFormatTests
{
    public static TheoryData<string, int, int> DataFiles => new()
    {
        { "06-tcp-handshake.pcap", 10, LinkType.Ethernet },
        { "06-tcp-handshake.pcapng", 10, LinkType.Ethernet },
        { "06-tcp-handshake-sll.pcap", 10, LinkType.LinuxSll },
        { "04-connexion-refusee.pcap", 2, LinkType.Ethernet },
        { "06-http.pcap", 20, LinkType.Ethernet },
        { "03-dns.pcap", 6, LinkType.Ethernet },
        { "01-ping.pcap", 6, LinkType.Ethernet },
        { "07-arp.pcap", 6, LinkType.Ethernet },
        { "06-retransmissions.pcap", 19, LinkType.Ethernet },
    };

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Every_course_capture_reads_with_its_count_and_link_type(string name, int count, int linkType)
    {
        var capture = CourseData.Load(name);
        Assert.Equal(count, capture.Count);
        Assert.Equal(linkType, capture.LinkType);
        Assert.DoesNotContain("endommagé", capture.Origin, StringComparison.Ordinal);
        Assert.All(capture.Frames, f => Assert.True(f.Data.Length > 0 && f.OriginalLength >= f.Data.Length));
    }

    [SkippableTheory]
    [MemberData(nameof(DataFiles))]
    public void Lengths_and_timestamps_agree_with_tshark(string name, int count, int linkType)
    {
        _ = linkType;
        var path = CourseData.FindFile(name);
        Assert.NotNull(path);
        var tshark = Tshark("-r", path!, "-T", "fields", "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch");
        var lines = tshark.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count, lines.Length);
        var capture = PacketTrace.Load(path!);
        for (var i = 0; i < count; i++)
        {
            var cells = lines[i].Split('\t');
            Assert.Equal(int.Parse(cells[0], CultureInfo.InvariantCulture), capture.Frames[i].OriginalLength);
            Assert.Equal(int.Parse(cells[1], CultureInfo.InvariantCulture), capture.Frames[i].CapturedLength);
            var epoch = decimal.Parse(cells[2], CultureInfo.InvariantCulture);
            Assert.Equal((long)(epoch * 1_000_000_000m), capture.Frames[i].UnixNanoseconds);
        }
    }

    [Fact]
    public void Pcapng_and_pcap_copies_hold_the_same_frames()
    {
        var pcap = CourseData.Load("06-tcp-handshake.pcap");
        var pcapng = CourseData.Load("06-tcp-handshake.pcapng");
        Assert.Equal(pcap.Frames.Select(f => Convert.ToHexString(f.Data)), pcapng.Frames.Select(f => Convert.ToHexString(f.Data)));
        Assert.Equal(pcap.Frames.Select(f => f.UnixNanoseconds), pcapng.Frames.Select(f => f.UnixNanoseconds));
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_capture()
    {
        var original = CourseData.Load("06-http.pcap");
        using var stream = new MemoryStream();
        original.WritePcap(stream);
        stream.Position = 0;
        var copy = PacketTrace.Load(stream, "copie");
        Assert.Equal(original.LinkType, copy.LinkType);
        Assert.Equal(original.Frames.Select(f => (f.UnixNanoseconds, f.OriginalLength, Convert.ToHexString(f.Data))),
            copy.Frames.Select(f => (f.UnixNanoseconds, f.OriginalLength, Convert.ToHexString(f.Data))));
    }

    [SkippableFact]
    public void A_written_file_is_read_by_tshark()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netcourse-{Guid.NewGuid():N}.pcap");
        try
        {
            CourseData.Load("03-dns.pcap").WritePcap(path);
            var names = Tshark("-r", path, "-T", "fields", "-e", "dns.qry.name");
            Assert.Equal(6, names.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Contains("serveur.netcourse.test", names, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_truncated_file_keeps_the_frames_before_the_damage()
    {
        var bytes = File.ReadAllBytes(CourseData.FindFile("06-tcp-handshake.pcap")!);
        foreach (var cut in new[] { bytes.Length - 5, bytes.Length - 70, 24 + 16 + 10 })
        {
            using var stream = new MemoryStream(bytes[..cut]);
            var capture = PacketTrace.Load(stream, "coupé");
            Assert.True(capture.Count < 10);
            Assert.Contains("endommagé", capture.Origin, StringComparison.Ordinal);
        }
        var ng = File.ReadAllBytes(CourseData.FindFile("06-tcp-handshake.pcapng")!);
        using var ngStream = new MemoryStream(ng[..(ng.Length - 30)]);
        var ngCapture = PacketTrace.Load(ngStream, "coupé");
        Assert.Equal(9, ngCapture.Count);
        Assert.Contains("endommagé", ngCapture.Origin, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ceci n'est pas une capture")]
    [InlineData("\u00d4\u00c3")]
    public void Something_that_is_not_a_capture_gets_a_french_error(string text)
    {
        using var stream = new MemoryStream(System.Text.Encoding.Latin1.GetBytes(text));
        var error = Assert.Throws<InvalidDataException>(() => PacketTrace.Load(stream, "texte"));
        Assert.Contains("capture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_after_a_valid_header_never_throw_anything_else()
    {
        var random = new Random(1234);
        var header = File.ReadAllBytes(CourseData.FindFile("06-tcp-handshake.pcap")!)[..24];
        var ngHeader = File.ReadAllBytes(CourseData.FindFile("06-tcp-handshake.pcapng")!)[..40];
        for (var i = 0; i < 500; i++)
        {
            var tail = new byte[random.Next(0, 300)];
            random.NextBytes(tail);
            foreach (var start in new[] { header, ngHeader })
            {
                using var stream = new MemoryStream([.. start, .. tail]);
                try
                {
                    PacketTrace.Load(stream, "aléatoire");
                }
                catch (InvalidDataException)
                {
                    // a French error is fine; anything else fails the test
                }
            }
        }
    }

    [Fact]
    public void Unknown_recorded_capture_says_which_exist()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CourseData.Load("99-absent.pcap"));
        Assert.Contains("06-tcp-handshake.pcap", error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => CourseData.Load("../etc/passwd"));
    }

    [Fact]
    public void Every_data_file_is_embedded_in_the_library()
    {
        var folder = Path.GetDirectoryName(CourseData.FindFile("06-tcp-handshake.pcap"))!;
        var onDisk = Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n!.EndsWith(".pcap", StringComparison.Ordinal) || n.EndsWith(".pcapng", StringComparison.Ordinal));
        Assert.Equal(onDisk.Order(StringComparer.Ordinal), CourseData.EmbeddedNames);
    }

    /// <summary>
    /// tshark's output for <paramref name="arguments"/>; skips the test when tshark is missing and fails it when tshark
    /// rejects the file (any non-zero exit), so a file tshark cannot read never passes.
    /// </summary>
    internal static string Tshark(params string[] arguments)
    {
        Requires.Tool("tshark", "tshark");
        var result = ExternalCommand.Run("tshark", arguments, TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"tshark {string.Join(' ', arguments)} : code {result.ExitCode} {result.Error}");
        return result.Output;
    }
}

public class ReaderAgreementTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var folder = Path.GetDirectoryName(CourseData.FindFile("06-tcp-handshake.pcap"))!;
        foreach (var path in Directory.GetFiles(folder).Where(p => p.EndsWith(".pcap", StringComparison.Ordinal) || p.EndsWith(".pcapng", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    /// <summary>The pure C# reader (used for the fallback, which must work without libpcap) and the libpcap reader agree.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void The_pure_reader_and_the_libpcap_reader_read_the_same_frames(string name)
    {
        var path = CourseData.FindFile(name)!;
        var ours = PacketTrace.Load(path);
        var theirs = CaptureFileReader.ReadRaw(path).ToList();
        Assert.Equal(theirs.Count, ours.Count);
        for (var i = 0; i < theirs.Count; i++)
        {
            Assert.Equal(theirs[i].LinkType, ours.LinkType);
            Assert.Equal(theirs[i].Data, ours.Frames[i].Data);
            Assert.Equal(theirs[i].OriginalLength, ours.Frames[i].OriginalLength);
            Assert.Equal(theirs[i].Timestamp, ours.Frames[i].UnixNanoseconds / 1_000_000_000m);
        }
    }
}
