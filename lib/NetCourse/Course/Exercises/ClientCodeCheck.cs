using System.Net.Sockets;
using System.Text;
using NetCourse.Sockets;

namespace NetCourse.Course.Exercises;

/// <summary>
/// Runs a student's TCP client (<c>async (string hote, int port) =&gt; réponse</c>) against the source's server with
/// every step recorded (<see cref="SteppedServer"/>), and says which of the client's three steps is missing.
/// </summary>
internal static class ClientCodeCheck
{
    /// <summary>The reference client, as the solution shows it.</summary>
    public const string SolutionCode = """
        using System.IO;
        using System.Net.Sockets;
        using System.Text;
        async Task<string> MonClient(string hote, int port)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(hote, port);                    // 1. se connecter
            var flux = client.GetStream();
            var message = Encoding.UTF8.GetBytes("bonjour serveur\n");
            await flux.WriteAsync(message);                           // 2. échanger : envoyer une ligne…
            using var lecteur = new StreamReader(flux);
            return await lecteur.ReadLineAsync() ?? "";               // … et lire la réponse
        }                                                             // 3. fermer : using ferme la connexion
        """;

    /// <summary>The same client, as a delegate.</summary>
    public static async Task<string> Reference(string hote, int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(hote, port).ConfigureAwait(false);
        var flux = client.GetStream();
        await flux.WriteAsync(Encoding.UTF8.GetBytes("bonjour serveur\n")).ConfigureAwait(false);
        using var lecteur = new StreamReader(flux);
        return await lecteur.ReadLineAsync().ConfigureAwait(false) ?? "";
    }

    /// <summary>A typical mistake: the client sends its line and closes without reading the answer.</summary>
    public static async Task<string> TypicalMistake(string hote, int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(hote, port).ConfigureAwait(false);
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("bonjour serveur\n")).ConfigureAwait(false);
        return "reçu : bonjour serveur";
    }

    /// <summary>Runs <paramref name="code"/> (a <c>Func&lt;string, int, Task&lt;string&gt;&gt;</c>) and judges its steps.</summary>
    public static async Task<CodeReport> RunAsync(Delegate code, CancellationToken token)
    {
        var client = (Func<string, int, Task<string>>)code;
        var recorder = new StepRecorder();
        // A number drawn at random ends the answer: a function that returns it has read it, none can guess it.
        var ticket = $" (ticket {Random.Shared.Next(1000, 10000)})";
        await using var server = await SteppedServer.StartAsync(recorder, ServerMode.OneAtATime, port: 0,
            readTimeout: TimeSpan.FromSeconds(3), clientCloseWait: TimeSpan.FromSeconds(3), answerSuffix: ticket).ConfigureAwait(false);
        string? reply = null;
        Exception? failure = null;
        try
        {
            reply = await Task.Run(() => client("127.0.0.1", server.EndPoint.Port), token).WaitAsync(TimeSpan.FromSeconds(8), token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            failure = e is TimeoutException ? new TimeoutException("votre client attend encore au bout de 8 s (une lecture sans réponse ?)") : e;
        }
        // A client that connects and returns at once can be back before the server has taken the connection from the
        // kernel's queue: give the accept a bounded moment before judging step 1.
        var accepted = await recorder.WaitForAsync(s => s.Actor == SteppedServer.Actor && s.Step == "2. accepter",
            TimeSpan.FromSeconds(2), token).ConfigureAwait(false);
        if (accepted)
            await recorder.WaitForServerClosesAsync(1, TimeSpan.FromSeconds(5), token).ConfigureAwait(false);
        var steps = recorder.StepsOf(SteppedServer.Actor);
        var wire = steps.Where(s => s.Step != "1. attendre").Select(s => $"serveur, {s.Step} : {s.Detail}").ToArray();
        var received = steps.FirstOrDefault(s => s.Detail.StartsWith("reçu « ", StringComparison.Ordinal));
        var answered = steps.FirstOrDefault(s => s.Detail.StartsWith("répondu « ", StringComparison.Ordinal));
        var closed = steps.Any(s => s.Detail.Contains("le client a fermé", StringComparison.Ordinal) || s.Detail.Contains("coupé", StringComparison.Ordinal));
        var error = failure is null ? "" : $" Votre code a levé {failure.GetType().Name} : {failure.Message}";

        if (!accepted && failure is null && (reply is null || AnswerText.IsStarting(reply)))
            return new CodeReport(false, "Votre client ne fait encore rien : écrivez ses trois étapes à la place des commentaires.", wire, DidNothing: true);
        if (!accepted)
            return new CodeReport(false, "Étape 1 manquante (se connecter) : le serveur n'a accepté aucune connexion. Connectez un TcpClient à (hote, port)." + error, wire);
        if (received is null)
            return new CodeReport(false, "Étape 2 incomplète (échanger) : connecté, mais le serveur n'a reçu aucune ligne complète. Envoyez un message terminé par \"\\n\" (le serveur lit jusqu'au retour à la ligne)." + error, wire);
        var sent = answered is null ? null : Quoted(answered.Detail);
        if (sent is null || reply is null || reply.Trim() != sent)
            return new CodeReport(false, $"Étape 2 incomplète (recevoir) : le serveur a répondu « {sent ?? "rien"} », mais votre fonction a rendu « {reply ?? "rien"} ». Lisez la réponse sur le flux et rendez-la telle quelle." + error, wire);
        if (!closed)
            return new CodeReport(false, "Étape 3 manquante (fermer) : votre client n'a pas fermé sa connexion, le serveur l'a attendu en vain. Utilisez using (ou client.Close())." + error, wire);
        return new CodeReport(true, $"Les trois étapes y sont : connecté, « {Quoted(received.Detail)} » envoyé, « {reply.Trim()} » reçu, connexion fermée.", wire);
    }

    private static string Quoted(string detail)
    {
        var start = detail.IndexOf('«', StringComparison.Ordinal);
        var end = detail.LastIndexOf('»');
        return start >= 0 && end > start + 1 ? detail[(start + 1)..end].Trim() : detail;
    }
}
