namespace NetCourse.Platform;

/// <summary>What an external command did.</summary>
/// <param name="ExitCode">Its exit code (-1 when it could not start or was stopped at its time bound).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error (or why it could not start / timed out).</param>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>True when the command exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
