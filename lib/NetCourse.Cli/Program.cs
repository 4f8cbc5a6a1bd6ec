using System.CommandLine;
using NetCourse.Cli;

var root = new RootCommand("netcourse — le cours de réseau interactif : livre, serveurs, capture, dissection, labo.");
foreach (var command in typeof(ICliCommand).Assembly.GetTypes()
             .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
             .OrderBy(t => t.Name, StringComparer.Ordinal)
             .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Build()))
{
    root.Subcommands.Add(command);
}
using var jitProfile = JitProfile.Start(args, root.Subcommands.Select(c => c.Name));
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // The one last-resort handler of the CLI: the library does not catch its own bugs (the dissector has no
    // catch-all; the fuzz tests fail on any exception), so one that reaches here is reported in one French line.
    Console.Error.WriteLine($"netcourse : erreur interne ({e.GetType().Name} : {e.Message.ReplaceLineEndings(" ")}). "
        + "C'est un bogue de netcourse : signalez-le avec la commande et le fichier utilisés.");
    return 70;
}
