using System.CommandLine;
using System.Net.Sockets;
using NetCourse.Addressing;
using NetCourse.Platform;

namespace NetCourse.Cli.Serve;

/// <summary>`netcourse serve dns --port 5353`: the course's tiny DNS server (zone netcourse.test) on 127.0.0.1, until Ctrl-C.</summary>
public sealed class DnsServeSubcommand : IServeSubcommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var port = new Option<int>("--port") { Description = "Port UDP d'écoute sur 127.0.0.1.", DefaultValueFactory = _ => 5353 };
        var duration = new Option<int>("--seconds") { Description = "Arrêter tout seul après ce nombre de secondes (0 = jusqu'à Ctrl-C).", DefaultValueFactory = _ => 0 };
        var command = new Command("dns", "Serveur DNS du cours (zone netcourse.test) sur 127.0.0.1 ; interrogez-le avec dig @127.0.0.1 -p PORT serveur.netcourse.test.")
        {
            port, duration,
        };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(port), parse.GetValue(duration), token));
        return command;
    }

    private static async Task<int> RunAsync(int port, int seconds, CancellationToken token)
    {
        if (port is < 1 or > 65535)
        {
            await Console.Error.WriteLineAsync($"erreur : port {port} invalide (1 à 65535).").ConfigureAwait(false);
            return 2;
        }
        if (seconds < 0)
        {
            await Console.Error.WriteLineAsync("erreur : --seconds doit être positif ou nul.").ConfigureAwait(false);
            return 2;
        }
        CourseDnsServer server;
        try
        {
            server = await CourseDnsServer.StartAsync(port).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            var hint = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? $" (essayez --port {port + 1})" : "";
            await Console.Error.WriteLineAsync($"erreur : port UDP {port} : {SocketErrorText.Of(e)}{hint}.").ConfigureAwait(false);
            return 1;
        }
        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"Serveur DNS du cours en écoute sur {server.EndPoint} (UDP), zone {server.Zone.Domain} :");
            foreach (var name in server.Zone.Names)
                Console.WriteLine($"  {name} → {string.Join(", ", server.Zone.Lookup(name, DnsRecordType.ANY))}");
            Console.WriteLine($"Essayez : dig @127.0.0.1 -p {server.EndPoint.Port} serveur.netcourse.test   (Ctrl-C pour arrêter)");
            var seen = 0;
            try
            {
                using var bound = CancellationTokenSource.CreateLinkedTokenSource(token);
                if (seconds > 0)
                    bound.CancelAfter(TimeSpan.FromSeconds(seconds));
                while (!bound.IsCancellationRequested)
                {
                    await Task.Delay(200, bound.Token).ConfigureAwait(false);
                    seen = PrintNew(server, seen);
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or --seconds: stop cleanly below.
            }
            PrintNew(server, seen);
            Console.WriteLine($"Arrêt : {server.Answered} réponse(s) envoyée(s), {server.Dropped} datagramme(s) ignoré(s).");
        }
        return 0;
    }

    private static int PrintNew(CourseDnsServer server, int seen)
    {
        var total = server.Answered + server.Dropped;
        if (total == seen)
            return seen;
        var recent = server.Recent;
        foreach (var line in recent.Skip(Math.Max(0, recent.Count - (total - seen))))
            Console.WriteLine("  " + line);
        return total;
    }
}
