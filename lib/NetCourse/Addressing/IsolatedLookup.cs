using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NetCourse.Lab;

namespace NetCourse.Addressing;

/// <summary>
/// Runs the system resolver (<see cref="Dns.GetHostAddresses(string)"/>, i.e. getaddrinfo, the C# gethostbyname) on a
/// name that /etc/hosts does not know, without any packet leaving the machine: the lookup runs on a thread moved into
/// a throwaway network namespace (only its own loopback), where the course's DNS server answers in place of the
/// machine's resolver (same addresses as /etc/resolv.conf, added to that namespace's loopback). The namespace is
/// deleted afterwards. Needs root and iproute2; otherwise nothing is run and the result says why.
/// </summary>
public static class IsolatedLookup
{
    private const int CloneNewNet = 0x40000000;

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    /// <summary>The nameserver addresses of /etc/resolv.conf (or of <paramref name="resolvConf"/>).</summary>
    public static IReadOnlyList<IPAddress> Nameservers(string resolvConf = "/etc/resolv.conf")
    {
        try
        {
            return File.ReadAllLines(resolvConf)
                .Select(l => l.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                .Where(p => p.Length >= 2 && p[0] == "nameserver" && IPAddress.TryParse(p[1].Split('%')[0], out _))
                .Select(p => IPAddress.Parse(p[1].Split('%')[0])).Distinct().ToArray();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Resolves <paramref name="name"/> with the system resolver inside an isolated namespace (bounded by <paramref name="timeout"/>).</summary>
    public static async Task<LookupResult> ResolveAsync(string name, TimeSpan? timeout = null, DnsZone? zone = null)
    {
        var host = (name ?? "").Trim();
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        if (!OperatingSystem.IsLinux())
            return new LookupResult(host, [], 0, "isolement impossible : il faut Linux (espaces de noms réseau).");
        var servers = Nameservers();
        if (servers.Count == 0)
            return new LookupResult(host, [], 0, "aucun serveur DNS dans /etc/resolv.conf : le résolveur ne peut consulter que /etc/hosts.");
        var ns = $"nc-dns-{Environment.ProcessId}-{Random.Shared.Next(100000, 999999)}";
        var add = ExternalCommand.Run("ip", ["netns", "add", ns], TimeSpan.FromSeconds(5));
        if (!add.Succeeded)
            return new LookupResult(host, [], 0, $"isolement impossible (il faut être root, avec iproute2) : {add.Error.Trim()}");
        try
        {
            var setup = ExternalCommand.Run("ip", ["-n", ns, "link", "set", "lo", "up"], TimeSpan.FromSeconds(5));
            foreach (var server in servers.Where(s => !IPAddress.IsLoopback(s)))
            {
                var prefix = server.AddressFamily == AddressFamily.InterNetworkV6 ? "/128" : "/32";
                var r = ExternalCommand.Run("ip", ["-n", ns, "addr", "add", server + prefix, "dev", "lo"], TimeSpan.FromSeconds(5));
                if (!r.Succeeded) setup = r;
            }
            if (!setup.Succeeded)
                return new LookupResult(host, [], 0, $"préparation de l'espace de noms impossible : {setup.Error.Trim()}");
            var done = new TaskCompletionSource<LookupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() => done.TrySetResult(RunInside(ns, host, servers, zone ?? DnsZone.Course(), limit)))
            {
                IsBackground = true,
                Name = "netcourse-isolated-lookup",
            };
            thread.Start();
            try
            {
                return await done.Task.WaitAsync(limit + TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return new LookupResult(host, [], limit.TotalMilliseconds, $"pas de réponse du résolveur en {limit.TotalSeconds:0.#} s.");
            }
        }
        finally
        {
            ExternalCommand.Run("ip", ["netns", "del", ns], TimeSpan.FromSeconds(5));
        }
    }

    private static LookupResult RunInside(string ns, string host, IReadOnlyList<IPAddress> servers, DnsZone zone, TimeSpan limit)
    {
        // This thread (and only it) enters the namespace: sockets it creates live there.
        using (var handle = File.OpenHandle($"/var/run/netns/{ns}"))
        {
            if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                return new LookupResult(host, [], 0, $"entrée dans l'espace de noms impossible (erreur {Marshal.GetLastPInvokeError()}).");
        }
        var running = new List<CourseDnsServer>();
        try
        {
            foreach (var server in servers)
                running.Add(CourseDnsServer.StartInsideNamespace(new IPEndPoint(server, 53), zone));
            var watch = Stopwatch.StartNew();
            try
            {
                var addresses = Dns.GetHostAddresses(host);
                return new LookupResult(host, addresses.Select(a => a.ToString()).ToArray(), watch.Elapsed.TotalMilliseconds, null);
            }
            catch (SocketException e)
            {
                var why = e.SocketErrorCode switch
                {
                    SocketError.HostNotFound => "ce nom n'existe pas : ni /etc/hosts ni le DNS ne le connaissent.",
                    SocketError.TryAgain => "le résolveur n'a pas pu joindre de serveur DNS : réessayez plus tard.",
                    SocketError.NoData => "ce nom existe mais n'a pas d'adresse IP.",
                    _ => $"échec de la résolution ({e.SocketErrorCode}) : {e.Message}",
                };
                return new LookupResult(host, [], watch.Elapsed.TotalMilliseconds, why);
            }
            catch (ArgumentException e)
            {
                return new LookupResult(host, [], watch.Elapsed.TotalMilliseconds, $"nom refusé : {e.Message}");
            }
        }
        catch (SocketException e)
        {
            return new LookupResult(host, [], 0, $"serveur DNS de l'espace de noms impossible à lancer ({e.SocketErrorCode}).");
        }
        finally
        {
            foreach (var server in running)
                server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(3));
        }
    }
}
