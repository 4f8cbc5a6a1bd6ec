namespace NetCourse.Book;

/// <summary>
/// Where the runs of one user take turns: the .NET Interactive kernel binds HTTP port 2048, so two kernels must not
/// start at once. The lock is the user's own, never one shared file in /tmp that another user (root) may have left.
/// </summary>
public static class KernelLock
{
    /// <summary>
    /// NETCOURSE_KERNEL_LOCK when set; else <c>$XDG_RUNTIME_DIR/netcourse-kernel.lock</c>; else
    /// <c>/tmp/netcourse-UID/kernel.lock</c> (the folder made mode 700). tools/execute_notebook.py picks the same.
    /// </summary>
    public static string Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable("NETCOURSE_KERNEL_LOCK") is { Length: > 0 } explicitPath)
                return explicitPath;
            if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Directory.Exists(runtime)
                && IsWritable(runtime))
                return System.IO.Path.Combine(runtime, "netcourse-kernel.lock");
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"netcourse-{UserId()}");
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return System.IO.Path.Combine(folder, "kernel.lock");
        }
    }

    private static bool IsWritable(string folder)
    {
        try
        {
            var probe = System.IO.Path.Combine(folder, $".netcourse-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The numeric user id, read from /proc (as Python's os.getuid()).</summary>
    private static string UserId() =>
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
}
