using System.Net;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>A dictionary-backed IFieldSource for filter and colouring tests (independent of the dissector).</summary>
internal sealed class FilterTestPacket : IFieldSource
{
    private readonly HashSet<string> _protocols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldValue>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _protocolBytes = new(StringComparer.Ordinal);

    public FilterTestPacket(params string[] protocols)
    {
        foreach (var p in protocols) _protocols.Add(p);
    }

    public FilterTestPacket Protocol(string name, byte[]? bytes = null)
    {
        _protocols.Add(name);
        if (bytes is not null) _protocolBytes[name] = bytes;
        return this;
    }

    public FilterTestPacket Add(string field, FieldValue value)
    {
        if (!_fields.TryGetValue(field, out var list)) _fields[field] = list = [];
        list.Add(value);
        return this;
    }

    public FilterTestPacket Int(string field, params long[] values)
    {
        foreach (var v in values) Add(field, FieldValue.FromInteger(v));
        return this;
    }

    public FilterTestPacket Bool(string field, bool value) => Add(field, FieldValue.FromBoolean(value, value ? "1" : "0"));

    public FilterTestPacket Text(string field, string value) => Add(field, FieldValue.FromText(value));

    public FilterTestPacket Ip(string field, params string[] addresses)
    {
        foreach (var a in addresses) Add(field, FieldValue.FromAddress(IPAddress.Parse(a)));
        return this;
    }

    public FilterTestPacket Mac(string field, params string[] macs)
    {
        foreach (var m in macs) Add(field, FieldValue.FromEthernet(m.Split(':').Select(h => Convert.ToByte(h, 16)).ToArray()));
        return this;
    }

    /// <summary>An IPv4 TCP segment with the usual fields, both-sides fields included.</summary>
    public static FilterTestPacket Tcp(string src, string dst, int sport, int dport, int flags, int ttl = 64, string ethDst = "00:00:00:00:00:00")
    {
        var ethDstBytes = ethDst.Split(':').Select(h => Convert.ToByte(h, 16)).ToArray();
        var p = new FilterTestPacket("frame", "eth", "ip", "tcp")
            .Mac("eth.dst", ethDst).Mac("eth.src", "00:00:00:00:00:00").Mac("eth.addr", ethDst, "00:00:00:00:00:00")
            .Ip("ip.src", src).Ip("ip.dst", dst).Ip("ip.addr", src, dst).Int("ip.ttl", ttl).Int("ip.proto", 6)
            .Int("tcp.srcport", sport).Int("tcp.dstport", dport).Int("tcp.port", sport, dport)
            .Add("tcp.flags", FieldValue.FromInteger(flags, $"0x{flags:x4}"))
            .Bool("tcp.flags.syn", (flags & 0x02) != 0).Bool("tcp.flags.fin", (flags & 0x01) != 0)
            .Bool("tcp.flags.reset", (flags & 0x04) != 0).Bool("tcp.flags.ack", (flags & 0x10) != 0);
        p._protocolBytes["eth"] = [.. ethDstBytes, 0, 0, 0, 0, 0, 0, 0x08, 0x00];
        return p;
    }

    public bool HasProtocol(string protocol) => _protocols.Contains(protocol);

    public IReadOnlyList<FieldValue> GetValues(string field) => _fields.TryGetValue(field, out var list) ? list : [];

    public ReadOnlyMemory<byte> GetProtocolBytes(string protocol) => _protocolBytes.TryGetValue(protocol, out var b) ? b : ReadOnlyMemory<byte>.Empty;
}
