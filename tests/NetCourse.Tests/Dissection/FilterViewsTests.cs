using NetCourse.Capture;
using NetCourse.Dissection;
using NetCourse.Course;

namespace NetCourse.Tests.Dissection;

public class FilterViewsTests
{
    private static readonly IReadOnlyList<DissectedPacket> Handshake = CourseData.Load("06-tcp-handshake.pcap").Dissect();

    [Fact]
    public void A_filter_selects_the_packets_it_names()
    {
        var view = new FilterResultView(Handshake, "tcp.flags.syn == 1");
        Assert.Null(view.Error);
        Assert.Equal([1L, 2L], view.Numbers);
        Assert.Contains("2 paquet(s) affiché(s) sur 10", System.Net.WebUtility.HtmlDecode(view.ToHtml()), StringComparison.Ordinal);
        Assert.Equal(10, new FilterResultView(Handshake, "").Matching.Count);
    }

    [Fact]
    public void A_bad_filter_shows_the_french_error_once()
    {
        var view = new FilterResultView(Handshake, "tcp.port = = 80");
        Assert.NotNull(view.Error);
        Assert.Empty(view.Matching);
        var html = System.Net.WebUtility.HtmlDecode(view.ToHtml());
        Assert.Contains("colonne", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, @"\^"));
    }

    [Theory]
    [InlineData("tcp.len > 0", true)]
    [InlineData("tcp.flags.push == 1", true)]
    [InlineData("tcp", false)]
    [InlineData("tcp.len >", false)]
    [InlineData("???", false)]
    public void The_filter_exercise_wants_exactly_the_right_packets(string filter, bool passed)
    {
        var result = FilterExercise.Check("données", Handshake, filter, p => (p.GetValue("tcp.len")?.Integer ?? 0) > 0, "indice", "tcp.len > 0");
        Assert.Equal(passed, result.Passed);
        if (filter == "tcp") Assert.Contains("En trop", result.Feedback, StringComparison.Ordinal);
    }
}
