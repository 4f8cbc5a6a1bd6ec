using System.CommandLine;
using NetCourse.Sockets;

namespace NetCourse.Cli.Serve;

/// <summary>`netcourse serve chat --port 12801`: the line-based chat (try it with several `nc 127.0.0.1 12801`).</summary>
public sealed class ChatServeCommand : IServeSubcommand
{
    /// <inheritdoc />
    public Command Build() => ServeRunner.Build("chat", "Salon de discussion TCP, une ligne par message (essayez plusieurs nc).", 12801,
        (ChatServer server) => $"Salon de discussion : {server.Notice}");
}
