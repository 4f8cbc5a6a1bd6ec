using System.Net;
using System.Net.Sockets;
using NetCourse.Addressing;

namespace NetCourse.Course.Exercises;

/// <summary>
/// Runs a student's DNS lookup (<c>async (IPEndPoint serveur, string nom) =&gt; adresse</c>) against a fresh course DNS
/// server whose zone holds a name drawn at random (so no answer can be written in advance), and says what the server
/// received and answered.
/// </summary>
internal static class DnsLookupCodeCheck
{
    /// <summary>The reference lookup, as the solution shows it.</summary>
    public const string SolutionCode = """
        using System.Net;
        using System.Net.Sockets;
        async Task<string> MaRecherche(IPEndPoint serveur, string nom)
        {
            using var udp = new UdpClient();
            var question = DnsMessage.Query(1234, nom, DnsRecordType.A).ToBytes();  // un vrai message DNS
            await udp.SendAsync(question, serveur);                                  // un datagramme UDP
            var recu = await udp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(2)); // borné : UDP peut perdre
            var reponse = DnsMessage.Parse(recu.Buffer);
            return reponse.Answers[0].Address!.ToString();
        }
        """;

    /// <summary>The same lookup, as a delegate.</summary>
    public static async Task<string> Reference(IPEndPoint serveur, string nom)
    {
        using var udp = new UdpClient();
        var question = DnsMessage.Query(1234, nom, DnsRecordType.A).ToBytes();
        await udp.SendAsync(question, serveur).ConfigureAwait(false);
        var recu = await udp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        return DnsMessage.Parse(recu.Buffer).Answers[0].Address!.ToString();
    }

    /// <summary>Runs <paramref name="code"/> (a <c>Func&lt;IPEndPoint, string, Task&lt;string&gt;&gt;</c>) and judges it.</summary>
    public static async Task<CodeReport> RunAsync(Delegate code, CancellationToken token)
    {
        var lookup = (Func<IPEndPoint, string, Task<string>>)code;
        var name = $"exo-{Random.Shared.Next(1000, 9999)}.netcourse.test";
        var address = new IPAddress([127, 0, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(1, 255)]);
        var zone = new DnsZone("netcourse.test").Add(name, address);
        await using var server = await CourseDnsServer.StartAsync(port: 0, zone: zone).ConfigureAwait(false);
        string? result = null;
        Exception? failure = null;
        try
        {
            result = await Task.Run(() => lookup(server.EndPoint, name), token).WaitAsync(TimeSpan.FromSeconds(6), token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            failure = e is TimeoutException ? new TimeoutException("votre recherche attend encore au bout de 6 s (une réception sans délai ?)") : e;
        }
        // A datagram sent just before the code returned may still be in the server's queue: give it a moment (bounded).
        for (var waited = 0; server.Recent.Count == 0 && waited < 500 && !token.IsCancellationRequested; waited += 20)
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
        var wire = new List<string> { $"le serveur DNS du cours écoute sur {server.EndPoint} ; nom demandé : {name}" };
        wire.AddRange(server.Recent.Select(line => $"serveur DNS : question reçue, {line[(line.IndexOf(' ') + 1)..]}"));
        var error = failure is null ? "" : $" Votre code a levé {failure.GetType().Name} : {failure.Message}";

        if (server.Recent.Count == 0 && failure is null && (result is null || AnswerText.IsStarting(result)))
            return new CodeReport(false, "Votre recherche ne fait encore rien : écrivez ses étapes à la place des commentaires.", wire, DidNothing: true);
        if (server.Recent.Count == 0)
            return new CodeReport(false, "Le serveur DNS n'a reçu aucune question : envoyez DnsMessage.Query(…).ToBytes() en UDP à serveur (pas au résolveur du système)." + error, wire);
        if (!server.Recent.Any(line => line.Contains(name, StringComparison.OrdinalIgnoreCase)))
            return new CodeReport(false, $"Le serveur a reçu une question, mais pas pour {name} : demandez le nom reçu en paramètre." + error, wire);
        if (result is null || !IPAddress.TryParse(result.Trim(), out var given) || !given.Equals(address))
            return new CodeReport(false, $"Le serveur a répondu {address}, mais votre fonction a rendu « {result ?? "rien"} » : lisez la réponse (DnsMessage.Parse) et rendez l'adresse de la première réponse." + error, wire);
        return new CodeReport(true, $"Votre recherche a posé la question en UDP, lu la réponse et trouvé {address} pour {name}.", wire);
    }
}
