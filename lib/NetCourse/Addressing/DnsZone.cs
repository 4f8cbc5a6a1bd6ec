using System.Net;
using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>The names a course DNS server knows: each name has its addresses (A for IPv4, AAAA for IPv6).</summary>
public sealed class DnsZone
{
    private readonly Dictionary<string, List<IPAddress>> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty zone for the domain <paramref name="domain"/> (e.g. netcourse.test).</summary>
    public DnsZone(string domain)
    {
        Domain = DnsMessage.TrimName(domain);
        if (Domain.Length == 0)
            throw new ArgumentException("le domaine de la zone est vide.", nameof(domain));
    }

    /// <summary>The domain this zone is responsible for (the server refuses names outside it).</summary>
    public string Domain { get; }

    /// <summary>The names of the zone, sorted.</summary>
    public IReadOnlyList<string> Names => _names.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The course's own zone, netcourse.test: serveur → 127.0.0.10, web → 127.0.0.20 and ::1, chat → 127.0.0.30, labo → 198.18.0.2.</summary>
    public static DnsZone Course()
    {
        var zone = new DnsZone("netcourse.test");
        zone.Add("serveur.netcourse.test", IPAddress.Parse("127.0.0.10"));
        zone.Add("web.netcourse.test", IPAddress.Parse("127.0.0.20"));
        zone.Add("web.netcourse.test", IPAddress.IPv6Loopback);
        zone.Add("chat.netcourse.test", IPAddress.Parse("127.0.0.30"));
        zone.Add("labo.netcourse.test", IPAddress.Parse("198.18.0.2"));
        return zone;
    }

    /// <summary>Adds an address to a name of the zone (the name must end with the zone's domain).</summary>
    public DnsZone Add(string name, IPAddress address)
    {
        var key = DnsMessage.TrimName(name);
        if (!IsInside(key))
            throw new ArgumentException($"« {name} » n'appartient pas au domaine {Domain}.", nameof(name));
        if (!_names.TryGetValue(key, out var list))
            _names[key] = list = [];
        if (!list.Contains(address))
            list.Add(address);
        return this;
    }

    /// <summary>True when <paramref name="name"/> is the domain or ends with "." + domain.</summary>
    public bool IsInside(string name)
    {
        var key = DnsMessage.TrimName(name);
        return key == Domain || key.EndsWith("." + Domain, StringComparison.Ordinal);
    }

    /// <summary>True when the name exists in the zone (with any address).</summary>
    public bool Exists(string name) => _names.ContainsKey(DnsMessage.TrimName(name));

    /// <summary>The addresses of <paramref name="name"/> for the type asked (A → IPv4, AAAA → IPv6, ANY → both).</summary>
    public IReadOnlyList<IPAddress> Lookup(string name, DnsRecordType type)
    {
        if (!_names.TryGetValue(DnsMessage.TrimName(name), out var list))
            return [];
        return list.Where(a => type == DnsRecordType.ANY
            || type == DnsRecordType.A && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            || type == DnsRecordType.AAAA && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6).ToArray();
    }

    /// <summary>The zone as an HTML table (name, addresses).</summary>
    public HtmlTable Table() => new($"Zone {Domain}", ["Nom", "Adresses"],
        Names.Select(n => (IReadOnlyList<string>)[n, string.Join(", ", _names[n])]).ToArray());
}
