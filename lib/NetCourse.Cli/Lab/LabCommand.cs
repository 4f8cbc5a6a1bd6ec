using System.CommandLine;
using NetCourse.Lab;

namespace NetCourse.Cli.Lab;

/// <summary>`netcourse lab up|down|status`: the traceroute lab (network namespaces in 198.18.0.0/15, root only).</summary>
public sealed class LabCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var lab = new Command("lab", "Le labo du traceroute : routeurs et hôte dans des espaces de noms réseau (198.18.0.0/15, root).");

        Option<string> Prefix() => new("--prefix")
        {
            Description = "Préfixe des noms du labo (nc-…, pour faire coexister plusieurs labos).",
            DefaultValueFactory = _ => LabOptions.Default.Prefix,
        };
        var upPrefix = Prefix();
        var routers = new Option<int>("--routers") { Description = "Nombre de routeurs entre la machine et l'hôte (2 à 6).", DefaultValueFactory = _ => 2 };
        var delay = new Option<int>("--delay") { Description = "Délai ajouté par saut avec tc netem, en ms (0 : aucun).", DefaultValueFactory = _ => 5 };
        var firstSubnet = new Option<int>("--first-subnet")
        {
            Description = "Indice du premier /24 dans 198.18.0.0/15 (1 : 198.18.1.0/24 ; 256 : 198.19.0.0/24).",
            DefaultValueFactory = _ => LabOptions.Default.FirstSubnet,
        };
        var up = new Command("up", "Construit le labo (supprime d'abord un labo resté en place).") { upPrefix, routers, delay, firstSubnet };
        up.SetAction(parse =>
        {
            try
            {
                // The command exits once the lab is built: no in-process delay relay (it would die with the command).
                var network = LabNetwork.Up(new LabOptions(parse.GetValue(upPrefix)!, parse.GetValue(routers), parse.GetValue(firstSubnet), parse.GetValue(delay))
                {
                    DelayInProcess = false,
                });
                Console.WriteLine("labo en place :");
                Console.WriteLine(network);
                Console.WriteLine($"essayez : ./netcourse traceroute {network.HostAddress} — et « ./netcourse lab down » pour tout supprimer.");
                return 0;
            }
            catch (LabException e)
            {
                Console.Error.WriteLine($"erreur : {e.Message}");
                return 1;
            }
        });

        var downPrefix = Prefix();
        var down = new Command("down", "Supprime le labo : espaces de noms, interfaces, routes de la machine.") { downPrefix };
        down.SetAction(parse =>
        {
            var prefix = parse.GetValue(downPrefix)!;
            if ((LabOptions.Default with { Prefix = prefix }).Validate() is { } invalid)
            {
                Console.Error.WriteLine($"erreur : {invalid}");
                return 2;
            }
            if (LabNetwork.WhyNotPossible() is { } reason)
            {
                Console.Error.WriteLine($"erreur : {reason}");
                return 1;
            }
            Console.WriteLine($"supprimé : {LabNetwork.Remove(prefix)}");
            return 0;
        });

        var statusPrefix = Prefix();
        var status = new Command("status", "Liste chaque hôte et routeur du labo avec son adresse.") { statusPrefix };
        status.SetAction(parse =>
        {
            var prefix = parse.GetValue(statusPrefix)!;
            if ((LabOptions.Default with { Prefix = prefix }).Validate() is { } invalid)
            {
                Console.Error.WriteLine($"erreur : {invalid}");
                return 2;
            }
            var current = LabNetwork.Status(prefix);
            Console.WriteLine(current);
            if (!current.Exists && LabNetwork.WhyNotPossible() is { } reason) Console.WriteLine(reason);
            return 0;
        });

        lab.Subcommands.Add(up);
        lab.Subcommands.Add(down);
        lab.Subcommands.Add(status);
        return lab;
    }
}
