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

        var routers = new Option<int>("--routers") { Description = "Nombre de routeurs entre la machine et l'hôte (2 à 6).", DefaultValueFactory = _ => 2 };
        var delay = new Option<int>("--delay") { Description = "Délai ajouté par saut avec tc netem, en ms (0 : aucun).", DefaultValueFactory = _ => 5 };
        var up = new Command("up", "Construit le labo (supprime d'abord un labo resté en place).") { routers, delay };
        up.SetAction(parse =>
        {
            try
            {
                var network = LabNetwork.Up(LabOptions.Default with { Routers = parse.GetValue(routers), DelayPerHopMs = parse.GetValue(delay) });
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

        var down = new Command("down", "Supprime le labo : espaces de noms, interfaces, routes de la machine.");
        down.SetAction(_ =>
        {
            if (LabNetwork.WhyNotPossible() is { } reason)
            {
                Console.Error.WriteLine($"erreur : {reason}");
                return 1;
            }
            Console.WriteLine($"supprimé : {LabNetwork.Remove()}");
            return 0;
        });

        var status = new Command("status", "Liste chaque hôte et routeur du labo avec son adresse.");
        status.SetAction(_ =>
        {
            var current = LabNetwork.Status();
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
