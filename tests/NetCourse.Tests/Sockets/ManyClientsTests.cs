using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

[Collection(SerialCollection.Name)]
public class ManyClientsTests
{
    [Fact]
    public async Task One_at_a_time_makes_clients_queue_while_concurrent_serves_them_together()
    {
        var work = TimeSpan.FromMilliseconds(150);
        var sequential = await ManyClients.RunAsync(ServerMode.OneAtATime, 4, work);
        var concurrent = await ManyClients.RunAsync(ServerMode.Concurrent, 4, work);
        Assert.All(sequential.Runs, r => Assert.True(r.Succeeded, r.Error));
        Assert.All(concurrent.Runs, r => Assert.True(r.Succeeded, r.Error));
        // Queued: the last served waited about 4 × 150 ms; together: everyone about 150 ms.
        Assert.True(sequential.LongestMs >= 4 * 150 - 20, $"séquentiel : {sequential.LongestMs} ms");
        // Margins leave room for a loaded machine: the concurrent server saves at least 1.5 × the work on the last client.
        Assert.True(concurrent.LongestMs < sequential.LongestMs - 1.5 * 150, $"concurrent : {concurrent.LongestMs} ms, séquentiel : {sequential.LongestMs} ms");
        var waits = sequential.Runs.Select(r => r.TotalMs).Order().ToArray();
        Assert.True(waits[^1] - waits[0] >= 3 * 150 - 20, string.Join(", ", waits));
        Assert.Equal(4, sequential.Table().Rows.Count);
        Assert.Equal(4, concurrent.Series().Y.Length);
    }

    [Fact]
    public async Task Bounds_are_enforced()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ManyClients.RunAsync(ServerMode.Concurrent, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ManyClients.RunAsync(ServerMode.Concurrent, 21));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ManyClients.RunAsync(ServerMode.Concurrent, 3, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Sequence_diagram_draws_a_lifeline_per_actor_and_arrows_for_what_travels()
    {
        var recorder = new StepRecorder();
        recorder.Record(SteppedServer.Actor, "1. attendre", "écoute");
        recorder.Record("client 1", "1. se connecter", "demande une connexion à 127.0.0.1:1", SteppedServer.Actor);
        recorder.Record(SteppedServer.Actor, "2. accepter", "connexion n°1 acceptée");
        recorder.Record("client 1", "2. échanger", "envoyé « a & b < c »", SteppedServer.Actor);
        recorder.Record("client 1", "2. échanger", "reçu « reçu : a »", SteppedServer.Actor);
        var diagram = recorder.Diagram();
        Assert.Equal([SteppedServer.Actor, "client 1"], diagram.Actors);
        var svg = diagram.Drawing().Svg;
        Assert.Equal(3, svg.Split("marker-end=\"url(#nc-seq-arrow)\"").Length - 1);
        Assert.Contains("a &amp; b &lt; c", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("a & b", svg, StringComparison.Ordinal);
    }
}
