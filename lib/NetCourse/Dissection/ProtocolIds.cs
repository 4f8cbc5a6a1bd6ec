namespace NetCourse.Dissection;

/// <summary>Small numbers for the protocols the dissector writes, so a packet keeps them as a bit mask.</summary>
internal static class ProtocolIds
{
    private static readonly string[] Names =
    [
        "frame", "eth", "sll", "null", "ppp", "mpls", "vlan", "llc", "cdp", "stp", "loop", "raw", "arp", "ip", "ipv6",
        "ipv6.fraghdr", "icmp", "icmpv6", "igmp", "tcp", "udp", "dns", "mdns", "http", "tls", "data",
        "_ws.malformed",
    ];

    private static readonly Dictionary<string, int> ByName = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

    [ThreadStatic]
    private static Dictionary<string, int>? _byReference;

    /// <summary>The protocol's number, or -1 when the dissector never writes it.</summary>
    public static int Of(string protocol)
    {
        var cache = _byReference ??= new Dictionary<string, int>(ReferenceEqualityComparer.Instance as IEqualityComparer<string>);
        if (cache.TryGetValue(protocol, out var id))
            return id;
        if (cache.Count > 4096)
            cache.Clear();
        id = ByName.GetValueOrDefault(protocol, -1);
        cache[protocol] = id;
        return id;
    }
}
