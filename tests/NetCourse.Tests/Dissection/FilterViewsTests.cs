using NetCourse.Capture;
using NetCourse.Dissection;

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
}
