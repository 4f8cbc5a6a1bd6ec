using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

public class BacklogDemoTests
{
    [Fact]
    public async Task Without_accept_only_the_accept_queue_connects_the_others_time_out()
    {
        var report = await BacklogDemo.RunAsync(backlog: 5, clients: 10, connectTimeout: TimeSpan.FromSeconds(1.2));
        // Linux keeps backlog + 1 connections in the accept queue; the others' SYNs are dropped.
        Assert.Equal(report.AcceptQueueLength, report.ConnectedCount);
        Assert.InRange(report.ConnectedCount, 5, 6);
        Assert.All(report.Attempts.Where(a => !a.Connected), a => Assert.InRange(a.Milliseconds, 1000, 3000));
        Assert.All(report.Attempts.Take(report.ConnectedCount), a => Assert.True(a.Connected));
        Assert.Equal(report.ConnectedCount, report.Accepted);
    }

    [Fact]
    public async Task When_the_server_starts_accepting_the_waiting_clients_get_in()
    {
        var report = await BacklogDemo.RunAsync(backlog: 2, clients: 6, connectTimeout: TimeSpan.FromSeconds(2.5), acceptAfter: TimeSpan.FromMilliseconds(400));
        Assert.Equal(6, report.ConnectedCount);
        Assert.Contains(report.Attempts, a => a.Milliseconds > 500); // waited for a SYN retransmission
        Assert.Equal(6, report.Accepted);
    }

    [Fact]
    public async Task Bounds_are_enforced()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BacklogDemo.RunAsync(clients: 1000));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BacklogDemo.RunAsync(connectTimeout: TimeSpan.FromMinutes(1)));
    }
}
