using System.Runtime.InteropServices;
namespace NetCourse.Platform;

/// <summary>
/// Runs a function on a dedicated thread moved (setns) into a throwaway network namespace that has only its own
/// loopback; the namespace is deleted afterwards. Sockets created by that thread live in the namespace, so nothing
/// they send can leave the machine. Needs Linux, root and iproute2.
/// </summary>
internal static class NamespaceThread
{
    private const int CloneNewNet = 0x40000000;
    private static readonly string[] LoopbackUp = ["link", "set", "lo", "up"];

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    /// <summary>Creates the namespace (lo up), applies <paramref name="setup"/> (extra `ip -n NS …` argument lists), runs <paramref name="inside"/> there.</summary>
    /// <returns>The function's result, or an error message (French) when the namespace could not be used.</returns>
    public static Task<(T? Result, string? Error)> RunAsync<T>(Func<T> inside, IEnumerable<string[]> setup, TimeSpan timeout) =>
        RunAsync(inside, setup, [], timeout);

    /// <summary>
    /// As <see cref="RunAsync{T}(Func{T}, IEnumerable{string[]}, TimeSpan)"/>, and sets <paramref name="sysctls"/>
    /// (« net.ipv4.conf.lo.accept_local=1 »…) inside the namespace only: the machine's own settings never change.
    /// </summary>
    public static async Task<(T? Result, string? Error)> RunAsync<T>(Func<T> inside, IEnumerable<string[]> setup, IEnumerable<string> sysctls, TimeSpan timeout)
    {
        if (!OperatingSystem.IsLinux())
            return (default, "isolement impossible : il faut Linux (espaces de noms réseau).");
        var ns = $"nc-iso-{Environment.ProcessId}-{Random.Shared.Next(100000, 999999)}";
        var add = ExternalCommand.Run("ip", ["netns", "add", ns], TimeSpan.FromSeconds(5));
        if (!add.Succeeded)
            return (default, $"isolement impossible (il faut être root, avec iproute2) : {add.Error.Trim()}");
        try
        {
            foreach (var args in setup.Prepend(LoopbackUp))
            {
                var r = ExternalCommand.Run("ip", ["-n", ns, .. args], TimeSpan.FromSeconds(5));
                if (!r.Succeeded)
                    return (default, $"préparation de l'espace de noms impossible : {r.Error.Trim()}");
            }
            foreach (var setting in sysctls)
            {
                var r = ExternalCommand.Run("ip", ["netns", "exec", ns, "sysctl", "-qw", setting], TimeSpan.FromSeconds(5));
                if (!r.Succeeded)
                    return (default, $"réglage {setting} impossible dans l'espace de noms : {r.Error.Trim()}");
            }
            var done = new TaskCompletionSource<(T?, string?)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    using (var handle = File.OpenHandle($"/var/run/netns/{ns}"))
                    {
                        if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                        {
                            done.TrySetResult((default, $"entrée dans l'espace de noms impossible (erreur {Marshal.GetLastPInvokeError()})."));
                            return;
                        }
                    }
                    done.TrySetResult((inside(), null));
                }
                catch (Exception e)
                {
                    done.TrySetResult((default, $"échec dans l'espace de noms : {e.Message}"));
                }
            })
            {
                IsBackground = true,
                Name = "netcourse-namespace-thread",
            };
            thread.Start();
            try
            {
                return await done.Task.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return (default, $"pas de résultat en {timeout.TotalSeconds:0.#} s.");
            }
        }
        finally
        {
            ExternalCommand.Run("ip", ["netns", "del", ns], TimeSpan.FromSeconds(5));
        }
    }
}
