using NetCourse.Html;

namespace NetCourse.Sockets;

/// <summary>
/// One server, many clients: starts a <see cref="SteppedServer"/> on a free loopback port, launches N clients at the
/// same moment, waits for all of them (bounded), stops the server. Shows why a server must serve several clients.
/// </summary>
public static class ManyClients
{
    /// <summary>Runs <paramref name="clients"/> clients (1 to 20) at once against a server in <paramref name="mode"/>.</summary>
    /// <param name="mode">One at a time or concurrent.</param>
    /// <param name="clients">How many clients (1–20).</param>
    /// <param name="workTime">The server's work per request (default 200 ms, at most 2 s).</param>
    /// <param name="cancellationToken">Cancels the experiment.</param>
    public static async Task<ManyClientsResult> RunAsync(ServerMode mode, int clients = 5, TimeSpan? workTime = null, CancellationToken cancellationToken = default)
    {
        if (clients is < 1 or > 20)
            throw new ArgumentOutOfRangeException(nameof(clients), "entre 1 et 20 clients.");
        var work = workTime ?? TimeSpan.FromMilliseconds(200);
        if (work < TimeSpan.Zero || work > TimeSpan.FromSeconds(2))
            throw new ArgumentOutOfRangeException(nameof(workTime), "le travail par requête doit être entre 0 et 2 s.");
        var recorder = new StepRecorder();
        await using var server = await SteppedServer.StartAsync(recorder, mode, 0, work).ConfigureAwait(false);
        // Every client may have to wait for all the others in the one-at-a-time mode: give them that, plus a margin.
        var timeout = TimeSpan.FromTicks(work.Ticks * clients) + TimeSpan.FromSeconds(3);
        var runs = await Task.WhenAll(Enumerable.Range(1, clients).Select(i =>
            Task.Run(() => SteppedClient.RunAsync(server.EndPoint, $"client {i}", $"bonjour du client {i}", recorder, timeout, cancellationToken), cancellationToken)))
            .ConfigureAwait(false);
        return new ManyClientsResult(mode, work.TotalMilliseconds, runs, recorder);
    }

    /// <summary>A Plotly column chart comparing each client's wait in several experiments.</summary>
    public static PlotlyChart Chart(params ManyClientsResult[] results) =>
        PlotlyChart.Columns("Combien de temps chaque client a attendu sa réponse", "client", "attente (ms)",
            results.Select(r => r.Series()).ToArray());
}
