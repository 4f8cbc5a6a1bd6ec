using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Platform;

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
        var setup = servers.Where(s => !IPAddress.IsLoopback(s))
            .Select(s => new[] { "addr", "add", s + (s.AddressFamily == AddressFamily.InterNetworkV6 ? "/128" : "/32"), "dev", "lo" });
        var (result, error) = await NamespaceThread.RunAsync(() => RunInside(host, servers, zone ?? DnsZone.Course()), setup, limit + TimeSpan.FromSeconds(2))
            .ConfigureAwait(false);
        return result ?? new LookupResult(host, [], 0, error ?? "échec inconnu.");
    }

    private static LookupResult RunInside(string host, IReadOnlyList<IPAddress> servers, DnsZone zone)
    {
        // Runs on a thread inside the namespace: the sockets created here (server and resolver) live there.
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
                return new LookupResult(host, [], watch.Elapsed.TotalMilliseconds, SocketErrorText.Of(e) + ".");
            }
            catch (ArgumentException e)
            {
                return new LookupResult(host, [], watch.Elapsed.TotalMilliseconds, $"nom refusé : {e.Message}");
            }
        }
        catch (SocketException e)
        {
            return new LookupResult(host, [], 0, $"serveur DNS de l'espace de noms impossible à lancer : {SocketErrorText.Of(e)}.");
        }
        finally
        {
            foreach (var server in running)
                server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(3));
        }
    }
}
