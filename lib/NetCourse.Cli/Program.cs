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
return await root.Parse(args).InvokeAsync();
