using NetCourse.Classroom;

namespace NetCourse.Tests.Classroom;

/// <summary>Studying alone: no address gives a class on the loopback whose simulated classmates talk and answer.</summary>
public class LocalClassroomTests
{
    [Fact]
    public async Task Without_an_address_the_student_joins_a_local_class_with_classmates_who_answer()
    {
        await using var session = await ClassSession.JoinAsync("", "Léa");
        Assert.NotNull(session.Local);
        Assert.True(System.Net.IPAddress.IsLoopback(session.Local.Server.EndPoint.Address));
        Assert.True(System.Net.IPAddress.IsLoopback(session.Local.Dashboard.EndPoint.Address));
        Assert.Equal("Léa", session.Client.Name);
        Assert.True(await session.Client.WaitForAsync(m => m.From == "Hugo (simulé)", TimeSpan.FromSeconds(10)));
        await session.Client.SendAsync("bonjour à tous");
        Assert.True(await session.Client.WaitForAsync(m => m.Text == "Bien reçu, Léa !", TimeSpan.FromSeconds(10)));
        var snapshot = session.Local.Server.Snapshot();
        Assert.Equal(4, snapshot.Students.Count);
        Assert.Contains(snapshot.Students, s => s.Progress.Count > 0);
        Assert.Contains(NetCourse.Html.HtmlText.Encode("Bien reçu, Léa !"), session.ToHtml());
    }

    [Fact]
    public async Task A_typed_address_that_is_not_an_ip_gets_one_clear_french_message()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ClassSession.JoinAsync("salle-info.lycee", "Léa"));
        Assert.Contains("n'est pas une adresse IP", e.Message);
        Assert.Null(ClassroomClient.ParseAddress("127.0.0.1:99999", 12800, out var error));
        Assert.Contains("port", error);
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("192.168.1.20"), 12800), ClassroomClient.ParseAddress(" 192.168.1.20 ", 12800, out _));
        Assert.Equal(4000, ClassroomClient.ParseAddress("127.0.0.1:4000", 12800, out _)!.Port);
    }

    [Fact]
    public async Task Joining_an_address_where_nothing_listens_fails_fast_and_clearly()
    {
        var port = NetCourse.Ports.FreePort.Tcp();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => ClassSession.JoinAsync($"127.0.0.1:{port}", "Léa", timeout: TimeSpan.FromSeconds(2)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
    }
}
