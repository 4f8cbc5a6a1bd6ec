using System.Diagnostics;

namespace NetCourse.Tests.Sockets;

/// <summary>Runs an external client (python3, nc, curl) with optional standard input, killed after a timeout.</summary>
internal static class ProcessRun
{
    public sealed record Result(int ExitCode, string Output, string Error, bool TimedOut);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, string? input = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var bound = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new Result(-1, await output, await error, true);
        }
        return new Result(process.ExitCode, await output, await error, false);
    }
}
