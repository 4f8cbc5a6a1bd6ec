using System.Text;
using NetCourse.Cli.Dissect;
using NetCourse.Dissection.Follow;

namespace NetCourse.Tests.Dissection;

/// <summary>Bad -z arguments, absent streams and bad files: one line of French, exit 1, nothing on stdout.</summary>
public sealed class FollowBadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netcourse-follow-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Handshake => TestPaths.Capture("06-tcp-handshake.pcap");

    /// <summary>Runs <c>netcourse dissect FILE [-q] -z ARGUMENT</c>'s follow in process: its output, exit code and error.</summary>
    private static string RunFollow(string path, string argument, out int exit, out string error, bool quiet = true)
    {
        using var output = new MemoryStream();
        using var err = new StringWriter();
        exit = DissectFollow.Run(path, argument, quiet, withFieldsOrFilter: false, output, err);
        error = err.ToString();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData("follow,tcp,ascii")]
    [InlineData("follow,tcp,ascii,x")]
    [InlineData("follow,tcp,ascii,-1")]
    [InlineData("follow,tcp,ascii,4294967295")]
    [InlineData("follow,tcp,ascii,0,0-3")]
    [InlineData("follow,tcp,ascii,0,3-2")]
    [InlineData("follow,tcp,ascii,0,1,2")]
    [InlineData("follow,tcp,yaml,0")]
    [InlineData("follow,udp,ascii,0")]
    [InlineData("conv,tcp")]
    [InlineData("")]
    public void A_malformed_argument_is_refused_in_one_french_line(string argument)
    {
        Assert.False(FollowRequest.TryParse(argument, out var request, out var error));
        Assert.Null(request);
        AssertOneFrenchLine(error);
        var output = RunFollow(Handshake, argument, out var exit, out var cliError);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        AssertOneFrenchLine(cliError);
    }

    [Theory]
    [InlineData("follow,tcp,ascii,0", FollowMode.Ascii, 0, 1, int.MaxValue)]
    [InlineData("follow,tcp,hex,12", FollowMode.Hex, 12, 1, int.MaxValue)]
    [InlineData("follow,tcp,raw,3,2-5", FollowMode.Raw, 3, 2, 5)]
    [InlineData("follow,tcp,ascii,1,4", FollowMode.Ascii, 1, 4, 4)]
    public void A_good_argument_is_read(string argument, FollowMode mode, long stream, int first, int last)
    {
        Assert.True(FollowRequest.TryParse(argument, out var request, out var error), error);
        Assert.Equal(new FollowRequest(mode, stream, first, last), request);
    }

    [Fact]
    public void A_stream_the_capture_lacks_names_the_streams_it_has()
    {
        var output = RunFollow(Handshake, "follow,tcp,ascii,7", out var exit, out var error);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        AssertOneFrenchLine(error);
        Assert.Contains("de 0 à 0", error, StringComparison.Ordinal);
        var ping = TestPaths.Capture("01-ping.pcap");
        RunFollow(ping, "follow,tcp,ascii,0", out exit, out error);
        Assert.Equal(1, exit);
        Assert.Contains("aucun flux TCP", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_q_or_with_a_field_it_explains_the_form()
    {
        var output = RunFollow(Handshake, "follow,tcp,ascii,0", out var exit, out var error, quiet: false);
        Assert.Equal((1, ""), (exit, output));
        AssertOneFrenchLine(error);
        using var sink = new MemoryStream();
        using var err = new StringWriter();
        Assert.Equal(1, DissectFollow.Run(Handshake, "follow,tcp,ascii,0", true, true, sink, err));
        AssertOneFrenchLine(err.ToString());
    }

    [Theory]
    [InlineData("texte.pcap", "ceci n'est pas une capture, juste du texte assez long pour un en-tête\n")]
    [InlineData("vide.pcap", "")]
    public void A_file_that_is_not_a_capture_gives_one_line(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        var output = RunFollow(path, "follow,tcp,ascii,0", out var exit, out var error);
        Assert.Equal((1, ""), (exit, output));
        AssertOneFrenchLine(error);
        RunFollow(Path.Combine(_dir, "absent.pcap"), "follow,tcp,ascii,0", out exit, out error);
        Assert.Equal(1, exit);
        AssertOneFrenchLine(error);
    }

    private static void AssertOneFrenchLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"[éèàùâêîôûç«]|\b(le|la|de|du|un|une|pas|avec|introuvable)\b", lines[0]);
    }
}
