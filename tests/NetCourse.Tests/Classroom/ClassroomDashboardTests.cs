using System.Net;
using NetCourse.Classroom;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Classroom;

/// <summary>The dashboard over HTTP (real curl): every student listed, everything a student typed escaped, read-only.</summary>
public class ClassroomDashboardTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static Task<ProcessRun.Result> CurlAsync(params string[] arguments) =>
        ProcessRun.RunAsync("curl", ["-s", "--max-time", "5", .. arguments]);

    [Fact]
    public async Task Lists_students_messages_and_shared_progress_escaped()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0);
        await using var dashboard = await ClassroomDashboard.StartAsync(server, 0);
        await using var bob = await ClassroomClient.JoinAsync(server.EndPoint, "bob", Wait);
        await using var evil = await ClassroomClient.JoinAsync(server.EndPoint, "<img src=x onerror=alert(1)>", Wait);
        await evil.SendAsync("<script>alert('xss')</script> & \"guillemets\"");
        await evil.ShareProgressAsync([new ChapterProgress(2, 1, 2), new ChapterProgress(5, 3, 4)]);
        Assert.True(await bob.WaitForAsync(m => m.Text.Contains("<script>", StringComparison.Ordinal), Wait));
        Assert.True(await evil.WaitForAsync(m => m.Text.Contains("progression partagée", StringComparison.Ordinal), Wait));

        var page = await CurlAsync(dashboard.Url);
        Assert.Equal(0, page.ExitCode);
        Assert.Contains("<td class=\"nc-nom\">bob</td>", page.Output);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Output);
        Assert.Contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; &amp; &quot;guillemets&quot;", page.Output);
        Assert.DoesNotContain("<img", page.Output);
        Assert.DoesNotContain("<script>alert", page.Output);
        Assert.Contains("<th>Chapitre 2</th><th>Chapitre 5</th>", page.Output);
        Assert.Contains("3/4", page.Output);
        Assert.Contains("<script src=\"tableau.js\"></script>", page.Output);
        Assert.DoesNotContain("http://", page.Output.Replace(dashboard.Url, "", StringComparison.Ordinal)); // nothing fetched from elsewhere

        // The progress line is for the dashboard only: bob never saw it.
        Assert.DoesNotContain(bob.Received, m => m.Text.Contains(SharedProgress.Command, StringComparison.Ordinal));
        var fragment = await CurlAsync(dashboard.Url + "tableau");
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", fragment.Output);
        var script = await CurlAsync("-i", dashboard.Url + "tableau.js");
        Assert.Contains("Content-Type: text/javascript", script.Output);
    }

    [Fact]
    public async Task Is_read_only_and_answers_unknown_paths_with_404()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0);
        await using var dashboard = await ClassroomDashboard.StartAsync(server, 0);
        var post = await CurlAsync("-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "--data", "x=1", dashboard.Url);
        Assert.Equal("405", post.Output);
        var missing = await CurlAsync("-o", "/dev/null", "-w", "%{http_code}", dashboard.Url + "../../etc/passwd");
        Assert.Equal("404", missing.Output);
        var headers = await CurlAsync("-I", dashboard.Url);
        Assert.Contains("Content-Security-Policy: default-src 'none'; script-src 'self'", headers.Output);
        Assert.Equal(IPAddress.Loopback, dashboard.EndPoint.Address);
    }

    [Fact]
    public void Progress_lines_round_trip_and_malformed_ones_are_refused()
    {
        var line = SharedProgress.Format([new ChapterProgress(5, 1, 2), new ChapterProgress(2, 3, 3)]);
        Assert.Equal("/progression 2:3/3 5:1/2", line);
        Assert.True(SharedProgress.TryParse(line, out var chapters));
        Assert.Equal([new ChapterProgress(2, 3, 3), new ChapterProgress(5, 1, 2)], chapters);
        foreach (var bad in new[] { "/progression", "/progression 2:5/3", "/progression x:1/2", "/progression 2:1", "/progressions 2:1/2", "bonjour" })
            Assert.False(SharedProgress.TryParse(bad, out _), bad);
    }
}
