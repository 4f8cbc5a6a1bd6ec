using System.CommandLine;

namespace NetCourse.Cli;

/// <summary>One `netcourse` sub-command. Every implementation in this assembly is added to the root command.</summary>
public interface ICliCommand
{
    /// <summary>Builds the sub-command with its options and action.</summary>
    Command Build();
}
