using System.Text;
using NetCourse.Dissection;
using NetCourse.Dissection.Follow;
using NetCourse.KernelExtension;

namespace NetCourse.Tests.Dissection;

/// <summary>The follower without tshark (what it rebuilds) and its notebook view.</summary>
public class FollowStreamViewTests
{
    private static FollowedStream Awkward(int stream = 0) =>
        TcpStreamFollower.Follow(FollowTsharkParityTests.AwkwardCapture().Dissect(), stream)!;

    [Fact]
    public void Segments_are_put_back_in_order_without_duplicates_and_gaps_are_marked()
    {
        var stream = Awkward();
        Assert.Equal("GET /a HTTP/1.1\r\npart two!\npart three\nand more <b>merci\n", Encoding.Latin1.GetString(stream.ClientBytes));
        Assert.Equal("HTTP/1.1 200 OK\r\n[12 bytes missing in capture file]\0tail\u0001\u0002 bin\tary", Encoding.Latin1.GetString(stream.ServerBytes));
        Assert.Equal("198.18.0.1:40000", stream.Client.ToString());
        Assert.Equal("198.18.0.2:80", stream.Server.ToString());
        Assert.Equal(14, stream.PacketCount);
        Assert.Null(TcpStreamFollower.Follow(FollowTsharkParityTests.AwkwardCapture().Dissect(), 2));
    }

    [Fact]
    public void The_view_shows_both_directions_in_their_colors_escaped()
    {
        var html = Awkward().ToHtml();
        Assert.Contains(FollowStreamView.ClientColors, html, StringComparison.Ordinal);
        Assert.Contains(FollowStreamView.ServerColors, html, StringComparison.Ordinal);
        Assert.Contains("and more &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>merci", html, StringComparison.Ordinal);
        Assert.Contains("En rouge, ce que le client a envoyé", html, StringComparison.Ordinal);
        Assert.DoesNotContain("octets de plus", html, StringComparison.Ordinal);
        Assert.Contains("[::1]:40001", Awkward(1).ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_stream_is_cut_and_says_how_much_is_hidden()
    {
        var stream = Awkward();
        var total = stream.ClientBytes.Length + stream.ServerBytes.Length;
        var html = new FollowStreamView(stream, maxBytes: 20).ToHtml();
        Assert.Contains($"… {total - 20} octets de plus, non affichés", html, StringComparison.Ordinal);
        Assert.DoesNotContain("merci", html, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowStreamView(stream, 0));
    }

    [Fact]
    public void The_kernel_extension_formats_the_follow_views()
    {
        Assert.Contains(typeof(FollowedStream), NetCourseKernelExtension.FormattedTypes);
        Assert.Contains(typeof(FollowStreamView), NetCourseKernelExtension.FormattedTypes);
    }
}
