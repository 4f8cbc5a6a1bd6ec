using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetCourse.Sockets;

/// <summary>
/// The source's client, with every step recorded: (1) connect, (2) exchange — send one line, read the answer —
/// and (3) close. Bounded by a timeout: a silent server or one that vanishes gives a French error, never a hang.
/// </summary>
public static class SteppedClient
{
    /// <summary>Runs one client against <paramref name="server"/> (loopback or lab only).</summary>
    /// <param name="server">The server's address and port.</param>
    /// <param name="name">The client's name in the recorder.</param>
    /// <param name="message">The line to send (no newline inside).</param>
    /// <param name="recorder">Where to record the steps.</param>
    /// <param name="timeout">Limit for the whole exchange (default 5 s).</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    public static async Task<ClientRun> RunAsync(IPEndPoint server, string name, string message, StepRecorder recorder,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(recorder);
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        var watch = Stopwatch.StartNew();
        if (!IPAddress.IsLoopback(server.Address) && !Addressing.AddressClassifier.Contains("198.18.0.0/15", server.Address))
        {
            return new ClientRun(name, double.NaN, 0, null,
                "serveur refusé : le cours ne se connecte qu'à la boucle locale et à son laboratoire (198.18.0.0/15).");
        }
        var line = (message ?? "").Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(limit);
        using var client = new TcpClient(server.AddressFamily);
        var connectMs = double.NaN;
        var step = "1. se connecter";
        try
        {
            recorder.Record(name, step, $"demande une connexion à {server}", SteppedServer.Actor);
            await client.ConnectAsync(server, bound.Token).ConfigureAwait(false);
            connectMs = watch.Elapsed.TotalMilliseconds;
            recorder.Record(name, step, $"connecté depuis {client.Client.LocalEndPoint}", SteppedServer.Actor);
            step = "2. échanger";
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), bound.Token).ConfigureAwait(false);
            recorder.Record(name, step, $"envoyé « {line} »", SteppedServer.Actor);
            var reply = await SteppedServer.ReadLineAsync(stream, 4096, bound.Token).ConfigureAwait(false);
            if (reply is null)
            {
                recorder.Record(name, step, "le serveur a fermé la connexion sans répondre", SteppedServer.Actor);
                return Close(new ClientRun(name, connectMs, watch.Elapsed.TotalMilliseconds, null, "le serveur a fermé la connexion sans répondre."));
            }
            recorder.Record(name, step, $"reçu « {reply} »", SteppedServer.Actor);
            return Close(new ClientRun(name, connectMs, watch.Elapsed.TotalMilliseconds, reply, null));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var why = $"pas de réponse en {limit.TotalSeconds:0.#} s à l'étape « {step} » : le serveur est muet ou trop occupé.";
            recorder.Record(name, step, why, SteppedServer.Actor);
            return Close(new ClientRun(name, connectMs, watch.Elapsed.TotalMilliseconds, null, why));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            var why = $"connexion refusée : personne n'écoute sur {server}.";
            recorder.Record(name, step, why, SteppedServer.Actor);
            return Close(new ClientRun(name, connectMs, watch.Elapsed.TotalMilliseconds, null, why));
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            var why = $"le serveur a disparu pendant l'étape « {step} » ({(e.InnerException ?? e).Message}).";
            recorder.Record(name, step, why, SteppedServer.Actor);
            return Close(new ClientRun(name, connectMs, watch.Elapsed.TotalMilliseconds, null, why));
        }

        ClientRun Close(ClientRun run)
        {
            client.Close();
            recorder.Record(name, "3. fermer", "connexion fermée", SteppedServer.Actor);
            return run;
        }
    }
}
