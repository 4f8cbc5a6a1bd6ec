using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Ports;

namespace NetCourse.Sockets;

/// <summary>
/// Shows what listen()'s backlog means: a server listens with a small backlog on 127.0.0.1 and does not call accept();
/// more clients than the backlog try to connect. On Linux the kernel completes the handshake for backlog + 1
/// connections (they wait in the accept queue); the SYNs of the others are dropped, so their connect() waits (the
/// client resends its SYN after 1 s, 3 s …) and times out — unless the server starts accepting in the meantime.
/// Bounded: at most 64 clients, 5 s per client; everything is closed at the end.
/// </summary>
public static class BacklogDemo
{
    /// <summary>Runs the demonstration.</summary>
    /// <param name="backlog">The backlog given to listen() (1–64; the source uses 5).</param>
    /// <param name="clients">How many clients try to connect (1–64).</param>
    /// <param name="connectTimeout">How long each client waits for connect() (default 2.5 s, at most 5 s).</param>
    /// <param name="acceptAfter">When the server starts calling accept() (null: never during the demo).</param>
    /// <param name="cancellationToken">Stops the demonstration.</param>
    public static async Task<BacklogReport> RunAsync(int backlog = 5, int clients = 10, TimeSpan? connectTimeout = null, TimeSpan? acceptAfter = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(backlog, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(backlog, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clients, 64);
        var timeout = connectTimeout ?? TimeSpan.FromSeconds(2.5);
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromSeconds(5))
            throw new ArgumentOutOfRangeException(nameof(connectTimeout), "Le délai de connexion doit être compris entre 1 ms et 5 s.");
        if (acceptAfter is { } a && (a < TimeSpan.Zero || a > TimeSpan.FromSeconds(5)))
            throw new ArgumentOutOfRangeException(nameof(acceptAfter), "Le serveur doit commencer à accepter entre 0 et 5 s.");

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(backlog);
        var server = (IPEndPoint)listener.LocalEndPoint!;
        var sockets = new List<Socket>();
        var accepted = new List<Socket>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        try
        {
            var attempts = new List<Task<BacklogAttempt>>();
            for (var i = 1; i <= clients; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                attempts.Add(ConnectAsync(i, socket, server, timeout, cancellationToken));
                // A few milliseconds apart, so that the client numbers are the order of arrival.
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            var queue = ProcNet.FindListener(server.Port);

            var acceptLoop = Task.CompletedTask;
            if (acceptAfter is { } after)
            {
                acceptLoop = Task.Run(async () =>
                {
                    var wait = after - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token).ConfigureAwait(false);
                    while (!stop.IsCancellationRequested)
                    {
                        var socket = await listener.AcceptAsync(stop.Token).ConfigureAwait(false);
                        lock (accepted) accepted.Add(socket);
                    }
                }, stop.Token);
            }

            var results = await Task.WhenAll(attempts).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            try { await acceptLoop.ConfigureAwait(false); }
            catch (OperationCanceledException) { }

            // Whatever is still queued is accepted now (non-blocking), to count it and close it cleanly.
            listener.Blocking = false;
            while (true)
            {
                try { lock (accepted) accepted.Add(listener.Accept()); }
                catch (SocketException) { break; }
            }
            int count;
            lock (accepted) count = accepted.Count;
            return new BacklogReport(backlog, acceptAfter?.TotalMilliseconds, timeout.TotalMilliseconds, results,
                queue?.ReceiveQueue ?? -1, count);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var s in sockets) s.Dispose();
            lock (accepted) foreach (var s in accepted) s.Dispose();
        }
    }

    private static async Task<BacklogAttempt> ConnectAsync(int index, Socket socket, IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await socket.ConnectAsync(server, bound.Token).ConfigureAwait(false);
            var ms = watch.Elapsed.TotalMilliseconds;
            return new BacklogAttempt(index, true, ms, ms < 500 ? "connecté aussitôt (la poignée de main a eu lieu)" : "connecté après attente (SYN renvoyé)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BacklogAttempt(index, false, watch.Elapsed.TotalMilliseconds, "abandon : aucune réponse au SYN avant le délai (file pleine)");
        }
        catch (SocketException e)
        {
            return new BacklogAttempt(index, false, watch.Elapsed.TotalMilliseconds, $"échec : {e.SocketErrorCode}");
        }
    }
}
