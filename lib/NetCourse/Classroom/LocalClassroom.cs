using System.Net;
using NetCourse.Sockets;

namespace NetCourse.Classroom;

/// <summary>
/// A class for someone studying alone: the instructor's server and dashboard on the loopback (127.0.0.1 only), with a
/// few simulated classmates who join, say hello, share their progress and answer the student's first message. The
/// classmates are real clients of the real server; each one is bounded (a few lines, one answer, at most a minute).
/// </summary>
public sealed class LocalClassroom : IAsyncDisposable
{
    private static readonly (string Name, string[] Lines, ChapterProgress[] Progress)[] Script =
    [
        ("Inès (simulée)", ["Bonjour tout le monde !", "Le serveur attend, accepte, échange, ferme : j'ai compris."], [new(2, 2, 2), new(5, 1, 2)]),
        ("Hugo (simulé)", ["Salut ! Vous avez essayé avec nc ?", "Chaque ligne part à toute la classe, pas à l'expéditeur."], [new(2, 1, 2)]),
        ("Yasmine (simulée)", ["Coucou, j'ai lancé le serveur écho sur 12800.", "Le backlog, c'est la file avant accept."], [new(2, 2, 2), new(5, 2, 2)]),
    ];

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _classmates = [];

    private LocalClassroom(ClassroomServer server, ClassroomDashboard dashboard)
    {
        Server = server;
        Dashboard = dashboard;
    }

    /// <summary>The class's chat server, on 127.0.0.1.</summary>
    public ClassroomServer Server { get; }

    /// <summary>The class's dashboard, on 127.0.0.1.</summary>
    public ClassroomDashboard Dashboard { get; }

    /// <summary>Opens a class on the loopback with <paramref name="classmates"/> simulated classmates (0–3).</summary>
    /// <param name="classmates">How many simulated classmates join (0 to 3).</param>
    /// <param name="port">The chat port (default 12800; a free port is used if it is taken).</param>
    /// <param name="httpPort">The dashboard's port (default 8080; a free port is used if it is taken).</param>
    public static async Task<LocalClassroom> StartAsync(int classmates = 3, int port = 12800, int httpPort = 8080)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classmates);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classmates, Script.Length);
        var server = await ClassroomServer.StartAsync(IPAddress.Loopback, port, fallbackToFreePort: true).ConfigureAwait(false);
        ClassroomDashboard dashboard;
        try
        {
            dashboard = await ClassroomDashboard.StartAsync(server, httpPort, IPAddress.Loopback, fallbackToFreePort: true).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var local = new LocalClassroom(server, dashboard);
        var joined = new List<Task>();
        for (var i = 0; i < classmates; i++)
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var (name, lines, progress) = Script[i];
            var delay = TimeSpan.FromMilliseconds(400 + 500 * i);
            local._classmates.Add(Task.Run(() => local.ClassmateAsync(name, lines, progress, delay, ready)));
            joined.Add(ready.Task);
        }
        // The student arrives in a class where everyone is already there.
        await Task.WhenAny(Task.WhenAll(joined), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        return local;
    }

    private async Task ClassmateAsync(string name, string[] lines, ChapterProgress[] progress, TimeSpan delay, TaskCompletionSource ready)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        bound.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await using var me = await ClassroomClient.JoinAsync(Server.EndPoint, name, TimeSpan.FromSeconds(5), bound.Token).ConfigureAwait(false);
            ready.TrySetResult();
            await me.ShareProgressAsync(progress, bound.Token).ConfigureAwait(false);
            foreach (var line in lines)
            {
                await Task.Delay(delay, bound.Token).ConfigureAwait(false);
                await me.SendAsync(line, bound.Token).ConfigureAwait(false);
            }
            // Answer the first student who speaks (not another classmate), once.
            ClassMessage? first = null;
            bool FromStudent(ClassMessage m) => m.From is not null && !Script.Any(s => s.Name == m.From);
            if (await me.WaitForAsync(FromStudent, TimeSpan.FromSeconds(50), bound.Token).ConfigureAwait(false))
            {
                first = me.Received.First(FromStudent);
                await Task.Delay(delay, bound.Token).ConfigureAwait(false);
                await me.SendAsync($"Bien reçu, {first.From} !", bound.Token).ConfigureAwait(false);
            }
            await Task.Delay(Timeout.InfiniteTimeSpan, bound.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or IOException or System.Net.Sockets.SocketException or PortInUseException)
        {
            // A classmate that cannot go on just leaves; the class carries on.
        }
        finally
        {
            ready.TrySetResult();
        }
    }

    /// <summary>Stops the classmates, the dashboard and the server (bounded).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAny(Task.WhenAll(_classmates), Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
        await Dashboard.DisposeAsync().ConfigureAwait(false);
        await Server.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"Classe locale : discussion sur {Server.EndPoint}, tableau de bord {Dashboard.Url}";
}
