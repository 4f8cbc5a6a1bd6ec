using System.CommandLine;
using NetCourse.Sockets;

namespace NetCourse.Cli.Serve;

/// <summary>`netcourse serve echo --port 12800`: the TCP echo server (try it with the source's Python client or nc).</summary>
public sealed class EchoServeCommand : IServeSubcommand
{
    /// <inheritdoc />
    public Command Build() => ServeRunner.Build("echo", "Serveur écho TCP : renvoie tout ce qu'il reçoit.", 12800,
        (EchoServer server) => $"Serveur écho : {server.Notice}");
}
