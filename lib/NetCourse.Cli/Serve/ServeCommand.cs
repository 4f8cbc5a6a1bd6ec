using System.CommandLine;

namespace NetCourse.Cli.Serve;

/// <summary>`netcourse serve KIND`: runs one of the course's servers from a terminal, for real clients (nc, curl, dig, Python).</summary>
public sealed class ServeCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var serve = new Command("serve", "Lance un serveur du cours sur la boucle locale (Ctrl-C pour l'arrêter).");
        foreach (var sub in typeof(IServeSubcommand).Assembly.GetTypes()
                     .Where(t => typeof(IServeSubcommand).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
                     .OrderBy(t => t.Name, StringComparer.Ordinal)
                     .Select(t => ((IServeSubcommand)Activator.CreateInstance(t)!).Build()))
        {
            serve.Subcommands.Add(sub);
        }
        return serve;
    }
}
