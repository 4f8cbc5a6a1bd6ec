using System.CommandLine;

namespace NetCourse.Cli.Serve;

/// <summary>One `netcourse serve KIND` server (echo, chat, http, dns …). Every implementation is added to `serve`.</summary>
public interface IServeSubcommand
{
    /// <summary>Builds the sub-command (its name is the server kind). Its action runs until Ctrl-C, then stops cleanly.</summary>
    Command Build();
}
