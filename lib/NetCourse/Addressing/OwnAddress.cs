using System.Net;
using System.Net.Sockets;
using NetCourse.Platform;

namespace NetCourse.Addressing;

/// <summary>
/// The source's <c>IP()</c> function in C#: connect a UDP socket toward a destination and read the local address the
/// kernel chose. A UDP connect sends no packet; it only asks the kernel for a route, and the route decides the
/// source address. Only loopback and the course's lab range (198.18.0.0/15) are accepted as targets unless
/// the caller opts in explicitly.
/// </summary>
public static class OwnAddress
{
    /// <summary>The default target: an address of the course's lab range (198.18.0.0/15). Nothing is ever sent to it.</summary>
    public const string DefaultTarget = "198.18.0.1";

    /// <summary>Finds the local address the kernel would use toward <paramref name="target"/>; falls back to the interfaces when there is no route.</summary>
    /// <param name="target">An IP address (loopback or 198.18.0.0/15 unless <paramref name="allowAnyTarget"/>).</param>
    /// <param name="allowAnyTarget">Explicit opt-in to accept any other target (still nothing is sent).</param>
    public static OwnAddressResult Find(string target = DefaultTarget, bool allowAnyTarget = false)
    {
        var text = (target ?? "").Trim();
        if (!IPAddress.TryParse(text, out var destination))
            return new OwnAddressResult(text, "", "refusé", $"« {text} » n'est pas une adresse IP : donnez par exemple 127.0.0.1 ou {DefaultTarget}.");
        var scope = AddressClassifier.Classify(text).Scope;
        if (!allowAnyTarget && scope is not (AddressScope.Loopback or AddressScope.Benchmark))
            return new OwnAddressResult(text, "", "refusé",
                $"Cible refusée : le cours n'utilise que la boucle locale (127.0.0.0/8, ::1) et son laboratoire (198.18.0.0/15). Passez allowAnyTarget: true pour une autre cible (rien n'est envoyé, mais c'est à vous de le décider).");
        try
        {
            using var socket = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(new IPEndPoint(destination, 9)); // connect() on UDP: a route lookup, no packet.
            var local = ((IPEndPoint)socket.LocalEndPoint!).Address.ToString();
            return new OwnAddressResult(text, local, "udp-connect",
                $"Le noyau a trouvé une route vers {text} et choisi {local} comme adresse source. Aucun paquet n'a été envoyé : connect() sur un socket UDP ne fait que chercher la route.");
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.AddressNotAvailable)
        {
            return Fallback(text, $"Pas de route vers {text} ({e.SocketErrorCode}) : sans route, le noyau Linux ne peut pas choisir d'adresse source.");
        }
        catch (SocketException e)
        {
            return Fallback(text, $"La connexion UDP vers {text} a échoué ({e.SocketErrorCode}).");
        }
    }

    /// <summary>
    /// Shows the no-route case for real: runs <see cref="Find"/> on a thread inside a throwaway network namespace that
    /// has only a loopback (no route to the lab), so the UDP connect fails and the interfaces are read instead.
    /// </summary>
    public static async Task<OwnAddressResult> FindWithoutRouteAsync(string target = DefaultTarget)
    {
        var (result, error) = await NamespaceThread.RunAsync(() => Find(target), [], TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        if (result is null && error is not null && error.StartsWith("isolement impossible", StringComparison.Ordinal))
            return FromRouteTable(target, RouteTable.Read(), error);
        return result ?? new OwnAddressResult(target, "", "refusé", error ?? "échec inconnu.");
    }

    /// <summary>
    /// Without root no namespace can unplug the machine: show instead what the UDP trick consults, the kernel's routing
    /// table (readable by anyone), the route it picks toward <paramref name="target"/>, and what happens without one.
    /// </summary>
    internal static OwnAddressResult FromRouteTable(string target, IReadOnlyList<RouteTable.Route> routes, string why)
    {
        var destination = IPAddress.TryParse(target, out var ip) ? ip : IPAddress.Parse(DefaultTarget);
        var chosen = RouteTable.Choose(routes, destination);
        var list = routes.Count == 0 ? "aucune route IPv4 (hors boucle locale)" : string.Join(" ; ", routes.Select(r => $"« {r} »"));
        var verdict = chosen is null
            ? $"Aucune de ces routes ne couvre {target} : connect échoue ici même (« réseau inaccessible »), exactement comme sur une machine débranchée."
            : $"Vers {target}, le noyau Linux prend « {chosen} » : c'est elle qui fixe l'adresse source. Sur une machine débranchée, cette table n'a plus de telle route : connect échoue (« réseau inaccessible », NetworkUnreachable) et il ne reste qu'à lire les interfaces.";
        return new OwnAddressResult(target, "", "routes",
            $"Sans root, pas d'espace isolé pour débrancher la machine ({why.TrimEnd('.')}). Voici ce que l'astuce consulte, la table de routage du noyau Linux (/proc/net/route, lisible par tous) : {list}. {verdict}");
    }

    /// <summary>The first non-loopback IPv4 address of an active interface, or the loopback when there is none.</summary>
    public static OwnAddressResult Fallback(string target, string why)
    {
        var candidates = MachineInterfaces.List().Where(i => i.State == "active" && !i.IsLoopback)
            .SelectMany(i => i.Addresses.Select(a => a.Split('/')[0]))
            .Where(a => IPAddress.TryParse(a, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork)
            .ToArray();
        var address = candidates.FirstOrDefault() ?? "127.0.0.1";
        return new OwnAddressResult(target, address, "interfaces",
            $"{why} On lit donc les adresses des interfaces : {address}" + (candidates.Length == 0 ? " (aucune autre interface active : seule la boucle locale reste)." : "."));
    }
}
