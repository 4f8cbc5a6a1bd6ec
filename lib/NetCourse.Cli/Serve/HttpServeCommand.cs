using System.CommandLine;
using NetCourse.Sockets;

namespace NetCourse.Cli.Serve;

/// <summary>`netcourse serve http --port 8080`: the tiny HTTP server written on a socket (try it with curl).</summary>
public sealed class HttpServeCommand : IServeSubcommand
{
    /// <inheritdoc />
    public Command Build() => ServeRunner.Build("http", "Petit serveur HTTP écrit sur un socket (pages /, /heure, /echo).", 8080,
        (TinyHttpServer server) => $"Serveur HTTP : {server.Notice} ({server.Url})");
}
