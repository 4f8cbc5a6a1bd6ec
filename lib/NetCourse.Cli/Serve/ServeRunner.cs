using System.CommandLine;
using System.Globalization;
using System.Net;
using NetCourse.Platform;
using NetCourse.Ports;
using NetCourse.Sockets;

namespace NetCourse.Cli.Serve;

/// <summary>What the echo, chat and http sub-commands share: options, checks of the input, start, wait for Ctrl-C, clean stop.</summary>
internal static class ServeRunner
{
    /// <summary>The sub-command <paramref name="name"/> that starts a <typeparamref name="TServer"/>; <paramref name="describe"/> says what runs.</summary>
    public static Command Build<TServer>(string name, string description, int defaultPort, Func<TServer, string> describe)
        where TServer : ITcpServerStart<TServer>
    {
        // Numbers are read as text and checked here, so that a typo gets one French line rather than the parser's help page.
        var port = new Option<string>("--port") { Description = "Port d'écoute (0 = un port libre choisi par le système).", DefaultValueFactory = _ => defaultPort.ToString(CultureInfo.InvariantCulture) };
        var host = new Option<string>("--host") { Description = "Adresse locale : la boucle locale (127.0.0.1, ::1) ou une adresse du labo (198.18.0.0/15).", DefaultValueFactory = _ => "127.0.0.1" };
        var idle = new Option<string>("--idle-timeout") { Description = "Secondes de silence avant de déconnecter un client.", DefaultValueFactory = _ => "30" };
        var maxClients = new Option<string>("--max-clients") { Description = "Nombre maximal de clients simultanés.", DefaultValueFactory = _ => "2000" };
        var command = new Command(name, description) { port, host, idle, maxClients };
        command.SetAction((parse, token) => RunAsync(name, parse.GetValue(port), parse.GetValue(host), parse.GetValue(idle), parse.GetValue(maxClients),
            describe, token));
        return command;
    }

    private static async Task<int> RunAsync<TServer>(string name, string? portText, string? host, string? idleText, string? maxClientsText,
        Func<TServer, string> describe, CancellationToken token)
        where TServer : ITcpServerStart<TServer>
    {
        if (!int.TryParse(portText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
            return Fail($"port « {portText} » invalide : un port est un entier de 0 à 65535.");
        if (!IPAddress.TryParse(host, out var address) || !TargetPolicy.IsAllowed(address))
            return Fail($"adresse « {host} » refusée : le serveur n'écoute que sur la boucle locale (127.0.0.1, ::1) ou une adresse du labo ({TargetPolicy.LabNetwork}).");
        if (!double.TryParse(idleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var idleSeconds) || !(idleSeconds > 0 && idleSeconds <= 3600))
            return Fail("--idle-timeout doit être compris entre 0 et 3600 secondes.");
        if (!int.TryParse(maxClientsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var maxClients) || maxClients is < 1 or > 100_000)
            return Fail("--max-clients doit être compris entre 1 et 100000.");

        TServer server;
        try
        {
            var options = ServerOptions.Default with { IdleTimeout = TimeSpan.FromSeconds(idleSeconds), MaxClients = maxClients };
            server = await TServer.StartAsync(port, address, options, fallbackToFreePort: false).ConfigureAwait(false);
        }
        catch (PortInUseException e)
        {
            return Fail(e.Message);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return Fail($"impossible d'écouter sur {host}:{port} : {SocketErrorText.Of(e)}");
        }
        await using (server.ConfigureAwait(false))
        {
            Console.WriteLine($"{describe(server)} — Ctrl-C pour arrêter.");
            try
            {
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            Console.WriteLine($"Arrêt du serveur {name}{StatsOf(server)}.");
        }
        return 0;
    }

    private static string StatsOf(ITcpServer server)
    {
        var stats = server.Stats;
        return string.Create(CultureInfo.InvariantCulture,
            $" : {stats.Accepted} connexion(s), {stats.TimedOut} inactive(s) coupée(s), {stats.Dropped} interrompue(s), {stats.BytesIn} octets reçus, {stats.BytesOut} envoyés");
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"netcourse serve : {message}");
        return 1;
    }
}
