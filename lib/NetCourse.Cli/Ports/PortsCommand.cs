using System.CommandLine;
using System.Globalization;
using NetCourse.Ports;

namespace NetCourse.Cli.Ports;

/// <summary>
/// `netcourse ports`: what listens on this machine (read from /proc/net, no external tool), and
/// `netcourse ports check HOST PORT…`: open / closed with the time each answer took — loopback and lab only unless
/// --allow-outside-lab is given.
/// </summary>
public sealed class PortsCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var ports = new Command("ports", "Ce qui écoute sur cette machine (lu dans /proc/net/tcp, tcp6, udp, udp6).");
        ports.SetAction(_ =>
        {
            var entries = ProcNet.Listening();
            Console.WriteLine($"{"proto",-6} {"adresse",-40} {"port",6}  {"service",-18} programme");
            foreach (var e in entries)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Protocol,-6} {e.LocalAddress,-40} {e.LocalPort,6}  {WellKnownPorts.Find(e.LocalPort)?.Service ?? "-",-18} {e.Process ?? "?"}"));
            return 0;
        });

        var host = new Argument<string>("machine") { Description = "Adresse IP ou localhost (boucle locale ou labo 198.18.0.0/15)." };
        var numbers = new Argument<string[]>("ports") { Description = "Un ou plusieurs ports (1-65535), ou une plage 12790-12810.", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<string>("--timeout") { Description = "Attente maximale par port, en secondes.", DefaultValueFactory = _ => "2" };
        var outside = new Option<bool>("--allow-outside-lab") { Description = "Autorise explicitement une cible hors de la boucle locale et du labo (seulement une machine qui est la vôtre)." };
        var check = new Command("check", "Teste des ports TCP : ouvert (connexion acceptée), fermé (RST) ou sans réponse, avec la durée.") { host, numbers, timeout, outside };
        check.SetAction((parse, token) => CheckAsync(parse.GetValue(host) ?? "", parse.GetValue(numbers) ?? [], parse.GetValue(timeout), parse.GetValue(outside), token));
        ports.Subcommands.Add(check);
        return ports;
    }

    private static async Task<int> CheckAsync(string host, string[] texts, string? timeoutText, bool allowOutside, CancellationToken token)
    {
        if (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0 && seconds <= 30))
            return Fail("--timeout doit être compris entre 0 et 30 secondes.");
        var list = new List<int>();
        foreach (var text in texts)
        {
            var range = text.Split('-');
            if (range.Length is 1 or 2
                && int.TryParse(range[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var first)
                && int.TryParse(range[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var last)
                && first is >= 1 and <= 65535 && last >= first && last <= 65535)
            {
                if (list.Count + (last - first + 1) > PortChecker.MaxPortsPerScan)
                    return Fail($"au plus {PortChecker.MaxPortsPerScan} ports par vérification.");
                list.AddRange(Enumerable.Range(first, last - first + 1));
            }
            else
            {
                return Fail($"port « {text} » invalide : un port est un entier de 1 à 65535 (ou une plage 12790-12810).");
            }
        }
        var results = await PortChecker.ScanAsync(host, list, TimeSpan.FromSeconds(seconds), allowOutside, token).ConfigureAwait(false);
        var refused = results.FirstOrDefault(r => r.State == PortState.NotChecked);
        if (refused is not null) return Fail(refused.Message);
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Host}:{r.Port,-5} {r.StateText,-15} {r.Milliseconds,9:0.000} ms  {r.Message}"));
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"netcourse ports : {message}");
        return 1;
    }
}
