using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Html;
using NetCourse.Platform;

namespace NetCourse.Addressing;

/// <summary>
/// Name resolution with the system resolver: <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>, the
/// C# equivalent of Python's <c>socket.gethostbyname</c>. Bounded by a timeout; never throws.
/// </summary>
public static class HostLookup
{
    /// <summary>
    /// Resolves <paramref name="name"/> (default timeout 5 s); a failure is a French message, not an exception.
    /// A name that /etc/hosts does not know is sent to the machine's DNS server: notebooks use
    /// <see cref="ResolveOfflineAsync"/>, which keeps such lookups on the machine.
    /// </summary>
    public static async Task<LookupResult> ResolveAsync(string? name, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var host = (name ?? "").Trim();
        if (host.Length == 0)
            return new LookupResult(host, [], 0, "le nom est vide : donnez un nom de machine, par exemple localhost.");
        if (host.Length > 253 || host.Any(c => char.IsWhiteSpace(c) || c == '/' || c == ':' && !IPAddress.TryParse(host, out _)))
            return new LookupResult(host, [], 0, "ce n'est pas un nom de machine valide (pas d'espace, de « / » ni de « : », 253 caractères au plus).");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        bound.CancelAfter(limit);
        var watch = Stopwatch.StartNew();
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, bound.Token).WaitAsync(bound.Token).ConfigureAwait(false);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            return addresses.Length == 0
                ? new LookupResult(host, [], elapsed, "le résolveur n'a trouvé aucune adresse pour ce nom.")
                : new LookupResult(host, addresses.Select(a => a.ToString()).ToArray(), elapsed, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LookupResult(host, [], watch.Elapsed.TotalMilliseconds,
                $"pas de réponse du résolveur en {limit.TotalSeconds:0.#} s (aucun serveur DNS joignable ?).");
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

    /// <summary>The names listed in /etc/hosts (or in <paramref name="hostsFile"/>), in file order, without duplicates.</summary>
    public static IReadOnlyList<string> HostsFileNames(string hostsFile = "/etc/hosts")
    {
        try
        {
            return File.ReadAllLines(hostsFile)
                .Select(l => l.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                .Where(p => p.Length >= 2 && IPAddress.TryParse(p[0], out _))
                .SelectMany(p => p.Skip(1)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// Resolves without any packet leaving the machine: names of /etc/hosts (and localhost) go to the system resolver,
    /// which answers from the file; any other name is resolved by <see cref="IsolatedLookup"/> in a throwaway namespace.
    /// </summary>
    public static Task<LookupResult> ResolveOfflineAsync(string? name, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var host = (name ?? "").Trim().TrimEnd('.');
        var local = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _)
            || HostsFileNames().Contains(host, StringComparer.OrdinalIgnoreCase);
        if (local || host.Length == 0 || host.Any(char.IsWhiteSpace))
            return ResolveAsync(name, timeout, cancellationToken);
        return ResolveIsolatedOrAskCourseServerAsync(host, timeout);
    }

    private static async Task<LookupResult> ResolveIsolatedOrAskCourseServerAsync(string host, TimeSpan? timeout)
    {
        var isolated = await IsolatedLookup.ResolveAsync(host, timeout).ConfigureAwait(false);
        return isolated.Error is { } error && error.StartsWith("isolement impossible", StringComparison.Ordinal)
            ? await AskCourseServerAsync(host, timeout ?? TimeSpan.FromSeconds(5), error).ConfigureAwait(false)
            : isolated;
    }

    /// <summary>
    /// Without root the system resolver cannot be isolated (it would ask the machine's real DNS server): ask the
    /// course's DNS server directly on the loopback instead, set to answer NXDOMAIN for names outside its zone as any
    /// DNS server does for a name that does not exist, and say so.
    /// </summary>
    internal static async Task<LookupResult> AskCourseServerAsync(string host, TimeSpan timeout, string why)
    {
        await using var server = CourseDnsServer.StartInsideNamespace(new IPEndPoint(IPAddress.Loopback, 0), DnsZone.Course());
        var answer = await DnsClient.QueryAsync(server.EndPoint, host, DnsRecordType.A, timeout).ConfigureAwait(false);
        var note = $" (réponse du serveur DNS du cours, interrogé directement sur la boucle locale : sans root, pas d'espace isolé où faire travailler le résolveur du système — {why.TrimEnd('.')}.)";
        if (answer.Addresses.Count > 0)
            return new LookupResult(host, answer.Addresses, answer.ElapsedMs, null);
        var verdict = answer.Response?.ResponseCode == DnsResponseCode.NameError
            ? "ce nom n'existe pas : le serveur DNS répond NXDOMAIN (nom inconnu), que le résolveur traduit en HostNotFound."
            : $"pas d'adresse : {answer.Status}.";
        return new LookupResult(host, [], answer.ElapsedMs, verdict + note);
    }

    /// <summary>Resolves several names one after the other (with <see cref="ResolveOfflineAsync"/>) and shows them as a table (name, addresses, time, message).</summary>
    public static async Task<HtmlTable> TableAsync(IEnumerable<string> names, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var name in names)
        {
            var r = await ResolveOfflineAsync(name, timeout, cancellationToken).ConfigureAwait(false);
            rows.Add([r.Name, r.Succeeded ? string.Join(", ", r.Addresses) : "—",
                r.ElapsedMs.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), r.Error ?? "trouvé"]);
        }
        return new HtmlTable("Résolution de noms (Dns.GetHostAddresses, l'équivalent de gethostbyname)",
            ["Nom", "Adresses", "Durée (ms)", "Résultat"], rows);
    }
}
