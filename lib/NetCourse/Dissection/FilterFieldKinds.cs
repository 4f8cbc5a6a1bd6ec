namespace NetCourse.Dissection;

/// <summary>
/// The kinds of the fields the course dissects, so that a value that cannot fit (an address for a port, a host name
/// for an address) is reported when the filter is read, with its position, as tshark does. Other names are accepted
/// and simply match nothing when the packet lacks them.
/// </summary>
internal static class FilterFieldKinds
{
    private static readonly Dictionary<string, FieldKind> Kinds = new(StringComparer.Ordinal)
    {
        ["frame.number"] = FieldKind.Integer,
        ["frame.len"] = FieldKind.Integer,
        ["frame.cap_len"] = FieldKind.Integer,
        ["frame.time_relative"] = FieldKind.Number,
        ["eth.src"] = FieldKind.Ethernet,
        ["eth.dst"] = FieldKind.Ethernet,
        ["eth.addr"] = FieldKind.Ethernet,
        ["eth.type"] = FieldKind.Integer,
        ["ip.src"] = FieldKind.Address,
        ["ip.dst"] = FieldKind.Address,
        ["ip.addr"] = FieldKind.Address,
        ["ip.ttl"] = FieldKind.Integer,
        ["ip.proto"] = FieldKind.Integer,
        ["ip.len"] = FieldKind.Integer,
        ["ipv6.src"] = FieldKind.Address,
        ["ipv6.dst"] = FieldKind.Address,
        ["ipv6.addr"] = FieldKind.Address,
        ["ipv6.hlim"] = FieldKind.Integer,
        ["tcp.srcport"] = FieldKind.Integer,
        ["tcp.dstport"] = FieldKind.Integer,
        ["tcp.port"] = FieldKind.Integer,
        ["tcp.stream"] = FieldKind.Integer,
        ["tcp.flags"] = FieldKind.Integer,
        ["tcp.seq"] = FieldKind.Integer,
        ["tcp.ack"] = FieldKind.Integer,
        ["tcp.len"] = FieldKind.Integer,
        ["tcp.flags.syn"] = FieldKind.Boolean,
        ["tcp.flags.ack"] = FieldKind.Boolean,
        ["tcp.flags.fin"] = FieldKind.Boolean,
        ["tcp.flags.reset"] = FieldKind.Boolean,
        ["tcp.flags.push"] = FieldKind.Boolean,
        ["udp.srcport"] = FieldKind.Integer,
        ["udp.dstport"] = FieldKind.Integer,
        ["udp.port"] = FieldKind.Integer,
        ["udp.length"] = FieldKind.Integer,
        ["icmp.type"] = FieldKind.Integer,
        ["icmp.code"] = FieldKind.Integer,
        ["icmpv6.type"] = FieldKind.Integer,
        ["arp.opcode"] = FieldKind.Integer,
        ["dns.qry.name"] = FieldKind.Text,
        ["dns.flags.response"] = FieldKind.Boolean,
        ["http.request.method"] = FieldKind.Text,
        ["http.request.uri"] = FieldKind.Text,
        ["http.response.code"] = FieldKind.Integer,
    };

    /// <summary>The kind of <paramref name="field"/> when the course knows it.</summary>
    public static bool TryGet(string field, out FieldKind kind) => Kinds.TryGetValue(field, out kind);
}
