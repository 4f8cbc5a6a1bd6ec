using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetCourse.Classroom;
using NetCourse.Platform;
using NetCourse.Sockets;

namespace NetCourse.Cli.Classroom;

/// <summary>
/// `netcourse classroom --listen ADDRESS [--port 12800] [--http-port 8080]`: the instructor's class — the chat server
/// the students join (nc, the lesson's Python client, the notebooks) and a live read-only dashboard. Listens on that one
/// address only (default 127.0.0.1); Ctrl-C closes the class and says how many students and messages there were.
/// </summary>
public sealed class ClassroomCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var listen = new Option<string>("--listen") { Description = "L'adresse de cette machine sur laquelle écouter, et elle seule (par défaut 127.0.0.1 : cette machine seulement).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<string>("--port") { Description = "Port TCP de la discussion (celui de la leçon : 12800 ; 0 = un port libre).", DefaultValueFactory = _ => "12800" };
        var httpPort = new Option<string>("--http-port") { Description = "Port HTTP du tableau de bord (0 = un port libre).", DefaultValueFactory = _ => "8080" };
        var maxStudents = new Option<string>("--max-students") { Description = "Nombre maximal de connexions simultanées.", DefaultValueFactory = _ => "60" };
        var nameTimeout = new Option<string>("--name-timeout") { Description = "Secondes laissées à une connexion pour donner son nom.", DefaultValueFactory = _ => "10" };
        var command = new Command("classroom", "La classe : le serveur de discussion que rejoignent les élèves et le tableau de bord de l'enseignant (Ctrl-C pour fermer).")
        {
            listen, port, httpPort, maxStudents, nameTimeout,
        };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(listen), parse.GetValue(port), parse.GetValue(httpPort),
            parse.GetValue(maxStudents), parse.GetValue(nameTimeout), token));
        return command;
    }

    private static async Task<int> RunAsync(string? listenText, string? portText, string? httpPortText, string? maxText, string? nameText, CancellationToken token)
    {
        if (!IPAddress.TryParse(listenText, out var address))
            return Fail($"« {listenText} » n'est pas une adresse IP : donnez l'adresse de cette machine sur le réseau de la salle (ip -brief address), ou 127.0.0.1.");
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return Fail($"« {listenText} » écouterait sur toutes les interfaces : donnez l'adresse de la seule interface de la salle.");
        if (!TryPort(portText, out var port)) return Fail($"port « {portText} » invalide : un port est un entier de 0 à 65535.");
        if (!TryPort(httpPortText, out var httpPort)) return Fail($"port HTTP « {httpPortText} » invalide : un port est un entier de 0 à 65535.");
        if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > 10_000)
            return Fail("--max-students doit être compris entre 1 et 10000.");
        if (!double.TryParse(nameText, NumberStyles.Float, CultureInfo.InvariantCulture, out var nameSeconds) || !(nameSeconds > 0 && nameSeconds <= 300))
            return Fail("--name-timeout doit être compris entre 0 et 300 secondes.");

        ClassroomServer server;
        ClassroomDashboard dashboard;
        try
        {
            server = await ClassroomServer.StartAsync(address, port, new ClassroomOptions(MaxStudents: max, NameTimeout: TimeSpan.FromSeconds(nameSeconds))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PortInUseException or SocketException)
        {
            return Fail(Why(e, address, port));
        }
        await using (server.ConfigureAwait(false))
        {
            try
            {
                dashboard = await ClassroomDashboard.StartAsync(server, httpPort, address).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PortInUseException or SocketException)
            {
                return Fail(Why(e, address, httpPort));
            }
            await using (dashboard.ConfigureAwait(false))
            {
                var chat = server.EndPoint;
                Console.WriteLine($"Classe ouverte. Discussion : {chat} — les élèves tapent « nc {chat.Address} {chat.Port} » ou l'adresse {chat.Address} dans le chapitre 2 ou 5.");
                Console.WriteLine($"Tableau de bord : {dashboard.Url} — Ctrl-C pour fermer la classe.");
                try
                {
                    await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Classe fermée : {server.StudentsSeen} élève(s), {server.Messages} message(s)."));
        }
        return 0;
    }

    private static bool TryPort(string? text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;

    private static string Why(Exception e, IPAddress address, int port) => e switch
    {
        PortInUseException p => p.Message,
        SocketException s => $"impossible d'écouter sur {address}:{port} : {SocketErrorText.Of(s)}.",
        _ => $"impossible d'écouter sur {address}:{port} : {e.Message}",
    };

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"netcourse classroom : {message}");
        return 1;
    }
}
