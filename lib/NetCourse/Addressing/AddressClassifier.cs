using System.Net;
using System.Net.Sockets;
using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>
/// Classifies IP addresses (IPv4/IPv6; loopback, private, public …) from their text alone: nothing is contacted.
/// </summary>
public static class AddressClassifier
{
    private static readonly (string Range, AddressScope Scope, string Why)[] V4Ranges =
    [
        ("0.0.0.0/32", AddressScope.Unspecified, "« n'importe quelle adresse » : un serveur qui écoute sur 0.0.0.0 accepte sur toutes ses interfaces."),
        ("0.0.0.0/8", AddressScope.Reserved, "réservée (« ce réseau »), jamais utilisée comme destination."),
        ("127.0.0.0/8", AddressScope.Loopback, "la boucle locale : la machine se parle à elle-même, rien ne sort sur un câble."),
        ("10.0.0.0/8", AddressScope.Private, "privée (RFC 1918) : réseaux locaux seulement, jamais routée sur Internet."),
        ("172.16.0.0/12", AddressScope.Private, "privée (RFC 1918) : réseaux locaux seulement, jamais routée sur Internet."),
        ("192.168.0.0/16", AddressScope.Private, "privée (RFC 1918) : réseaux locaux (la box d'une maison), jamais routée sur Internet."),
        ("100.64.0.0/10", AddressScope.SharedCgnat, "partagée (RFC 6598) : utilisée par les opérateurs derrière un NAT, pas sur Internet."),
        ("169.254.0.0/16", AddressScope.LinkLocal, "lien local : attribuée automatiquement quand aucun serveur DHCP ne répond."),
        ("192.0.2.0/24", AddressScope.Documentation, "réservée à la documentation (TEST-NET-1) : pour les exemples, jamais utilisée."),
        ("198.51.100.0/24", AddressScope.Documentation, "réservée à la documentation (TEST-NET-2) : pour les exemples, jamais utilisée."),
        ("203.0.113.0/24", AddressScope.Documentation, "réservée à la documentation (TEST-NET-3) : pour les exemples, jamais utilisée."),
        ("198.18.0.0/15", AddressScope.Benchmark, "réservée aux tests de réseaux (RFC 2544) : le laboratoire du cours l'utilise."),
        ("224.0.0.0/4", AddressScope.Multicast, "multidiffusion : un groupe de récepteurs, pas une machine."),
        ("255.255.255.255/32", AddressScope.Broadcast, "diffusion : tout le réseau local à la fois."),
        ("240.0.0.0/4", AddressScope.Reserved, "réservée pour un usage futur, jamais routée."),
    ];

    private static readonly (string Range, AddressScope Scope, string Why)[] V6Ranges =
    [
        ("::/128", AddressScope.Unspecified, "« n'importe quelle adresse » en IPv6 (l'équivalent de 0.0.0.0)."),
        ("::1/128", AddressScope.Loopback, "la boucle locale en IPv6 (l'équivalent de 127.0.0.1)."),
        ("fe80::/10", AddressScope.LinkLocal, "lien local IPv6 : chaque interface en a une, valable sur son seul lien."),
        ("fc00::/7", AddressScope.Private, "adresse locale unique (ULA) : l'équivalent IPv6 des adresses privées."),
        ("2001:db8::/32", AddressScope.Documentation, "réservée à la documentation IPv6 : pour les exemples, jamais utilisée."),
        ("ff00::/8", AddressScope.Multicast, "multidiffusion IPv6."),
        ("2000::/3", AddressScope.Public, "publique (unicast global) : routée sur Internet."),
    ];

    /// <summary>Classifies one address given as text (an IPv4-mapped IPv6 address is classified as its IPv4 address).</summary>
    public static AddressClass Classify(string? text)
    {
        var input = (text ?? "").Trim();
        if (!IPAddress.TryParse(input, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && input.Count(c => c == '.') != 3))
            return new AddressClass(input, 0, AddressScope.Invalid, "", $"« {input} » n'est pas une adresse IP (IPv4 : quatre nombres de 0 à 255 séparés par des points ; IPv6 : des groupes hexadécimaux séparés par « : »).");
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var v4 = address.AddressFamily == AddressFamily.InterNetwork;
        foreach (var (range, scope, why) in v4 ? V4Ranges : V6Ranges)
        {
            if (Contains(range, address))
                return new AddressClass(input, v4 ? 4 : 6, scope, range, $"{address} : {why}");
        }
        return v4
            ? new AddressClass(input, 4, AddressScope.Public, "", $"{address} : publique, routée sur Internet (elle appartient à un seul réseau dans le monde).")
            : new AddressClass(input, 6, AddressScope.Reserved, "", $"{address} : hors des plages IPv6 attribuées aujourd'hui (réservée).");
    }

    /// <summary>True when <paramref name="address"/> is inside the CIDR <paramref name="cidr"/> (e.g. 172.16.0.0/12).</summary>
    public static bool Contains(string cidr, IPAddress address)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var network = IPAddress.Parse(cidr[..slash]);
        var bits = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        if (network.AddressFamily != address.AddressFamily)
            return false;
        var a = network.GetAddressBytes();
        var b = address.GetAddressBytes();
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (b[i] & mask))
                return false;
        }
        return true;
    }

    /// <summary>Classifies several addresses and shows them as a table (address, version, kind, range, explanation).</summary>
    public static HtmlTable Table(params string[] addresses)
    {
        var rows = addresses.Select(Classify).Select(c => (IReadOnlyList<string>)new[]
        {
            c.Input, c.Version == 0 ? "—" : $"IPv{c.Version}", c.ScopeFrench, c.Range.Length == 0 ? "—" : c.Range, c.Explanation,
        }).ToArray();
        return new HtmlTable("Classement des adresses (aucune n'est contactée)", ["Adresse", "Version", "Nature", "Plage", "Explication"], rows);
    }
}
