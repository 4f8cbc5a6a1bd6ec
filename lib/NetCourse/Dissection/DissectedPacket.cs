using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>
/// A packet dissected the way Wireshark shows it: the packet-list columns (No., Time, Source, Destination,
/// Protocol, Length, Info), the protocol layers with their fields (grouped into the five layers by
/// <see cref="ProtocolLayer.Kind"/>), and the frame's bytes. It is an <see cref="IFieldSource"/>, so display filters
/// and colouring rules evaluate against it.
/// </summary>
public sealed class DissectedPacket : IFieldSource
{
    private static readonly FieldValue[] None = [];
    private readonly List<ProtocolLayer> _layers;

    internal DissectedPacket(long number, decimal timeRelative, DateTime timestamp, int frameLength, byte[] bytes,
        int linkType, List<ProtocolLayer> layers)
    {
        Number = number;
        TimeRelative = timeRelative;
        Timestamp = timestamp;
        Length = frameLength;
        _bytes = bytes;
        LinkType = linkType;
        _layers = layers;
    }

    private readonly byte[] _bytes;

    /// <summary>The frame number (No.), from 1.</summary>
    public long Number { get; }

    /// <summary>Seconds since the first packet of the capture (frame.time_relative), exact to the nanosecond.</summary>
    public decimal TimeRelative { get; }

    /// <summary>The capture timestamp (UTC).</summary>
    public DateTime Timestamp { get; }

    /// <summary>The frame's length on the wire (frame.len), which may exceed the captured bytes.</summary>
    public int Length { get; }

    /// <summary>The number of bytes captured (frame.cap_len).</summary>
    public int CapturedLength => _bytes.Length;

    /// <summary>The capture's link type (a libpcap LINKTYPE_ value: 1 Ethernet, 113 Linux cooked, 0 null, 101 raw IP, 9 PPP …).</summary>
    public int LinkType { get; }

    /// <summary>The captured bytes of the frame.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The protocol layers from the frame up (frame, link, network, transport, application).</summary>
    public IReadOnlyList<ProtocolLayer> Layers => _layers;

    /// <summary>The Source column (network address when there is one, else link address).</summary>
    public string Source => _source ??= AddressText(SourceOffset, SourceLength);

    /// <summary>The Destination column ("Broadcast" for the Ethernet broadcast address, as Wireshark shows it).</summary>
    public string Destination => _destination ??= AddressText(DestinationOffset, DestinationLength) is var d && d == "ff:ff:ff:ff:ff:ff" ? "Broadcast" : d;

    private string? _source;
    private string? _destination;

    internal ulong ProtocolMask { get; init; }

    internal int SourceOffset { get; init; }

    internal int SourceLength { get; init; }

    internal int DestinationOffset { get; init; }

    internal int DestinationLength { get; init; }

    private string AddressText(int offset, int length)
    {
        if (length == 0 || offset + length > _bytes.Length)
            return "";
        var bytes = _bytes.AsSpan(offset, length);
        return length == 6 ? FieldValue.FromEthernet(bytes.ToArray()).Display : new System.Net.IPAddress(bytes).ToString();
    }

    /// <summary>The Protocol column (TCP, UDP, DNS, HTTP, ICMP, ARP …), as Wireshark writes it.</summary>
    public string Protocol { get; internal set; } = "";

    private string? _info;

    /// <summary>The Info column, close to Wireshark's packet list (rendered on first use).</summary>
    public string Info => _info ??= PendingTcpInfo is { } tcp ? tcp.Build(_bytes) + InfoSuffix : EagerInfo;

    internal string EagerInfo { get; init; } = "";

    internal TcpInfo? PendingTcpInfo { get; init; }

    internal string InfoSuffix { get; init; } = "";

    /// <summary>True when the packet is truncated or malformed (Wireshark's "[Malformed Packet]", field <c>_ws.malformed</c>).</summary>
    public bool IsMalformed { get; internal set; }

    /// <summary>The layers that belong to one of the five layers (empty when the packet does not reach it).</summary>
    public IEnumerable<ProtocolLayer> LayersOf(LayerKind kind) => _layers.Where(l => l.Kind == kind);

    /// <summary>All fields of all layers, in order.</summary>
    public IEnumerable<PacketField> AllFields => _layers.SelectMany(l => l.Fields);

    /// <summary>The first value of a field, or null when the packet has none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public FieldValue? GetValue(string field)
    {
        if (FieldKey(field) is not { } info)
            return null;
        var key = info.Name;
        foreach (var layer in _layers)
        {
            if (!Holds(layer, info))
                continue;
            foreach (var f in layer.Span)
            {
                if (ReferenceEquals(f.Name, key))
                    return f.Value;
            }
        }
        return null;
    }

    /// <summary>What <c>tshark -T fields -e <paramref name="field"/></c> prints for this packet: every value, comma-separated.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public string FieldText(string field)
    {
        switch (field)
        {
            case "_ws.col.No.": return Number.ToString(CultureInfo.InvariantCulture);
            case "_ws.col.Protocol": return Protocol;
            case "_ws.col.Info": return Info;
            case "_ws.col.Source": return Source;
            case "_ws.col.Destination": return Destination;
        }
        if (FieldKey(field) is not { } info)
            return "";
        var key = info.Name;
        string? first = null;
        System.Text.StringBuilder? many = null;
        foreach (var layer in _layers)
        {
            if (!Holds(layer, info))
                continue;
            foreach (var f in layer.Span)
            {
                if (!ReferenceEquals(f.Name, key))
                    continue;
                if (first is null)
                {
                    first = f.Value.Display;
                }
                else
                {
                    many ??= new System.Text.StringBuilder(first);
                    many.Append(',').Append(f.Value.Display);
                }
            }
        }
        return many?.ToString() ?? first ?? "";
    }

    /// <summary>
    /// The one string instance the dissector uses for a field name, and the protocol whose layers can hold it.
    /// Every name the dissector writes is a literal, hence interned, so a name that is not interned belongs to no
    /// packet; lookups then compare references, and only in the layers of the field's protocol.
    /// </summary>
    private static FieldKeyInfo? FieldKey(string field)
    {
        _ = NamesInterned;
        var keys = _keys ??= new Dictionary<string, FieldKeyInfo?>(ReferenceEqualityComparer.Instance as IEqualityComparer<string>);
        if (keys.TryGetValue(field, out var key))
            return key;
        if (keys.Count > 4096)
            keys.Clear();
        var interned = string.IsInterned(field);
        if (interned is not null)
        {
            var dot = interned.IndexOf('.', StringComparison.Ordinal);
            var protocol = dot < 0 ? interned : interned[..dot];
            key = new FieldKeyInfo(interned, protocol == "_ws" ? null : string.Intern(protocol));
        }
        keys[field] = key;
        return key;
    }

    private static bool Holds(ProtocolLayer layer, FieldKeyInfo key) =>
        key.Protocol is null || ReferenceEquals(layer.Protocol, key.Protocol) || layer.Protocol == key.Protocol
        || (layer.Protocol == "mdns" && key.Protocol == "dns");

    [ThreadStatic]
    private static Dictionary<string, FieldKeyInfo?>? _keys;

    private static readonly bool NamesInterned = FieldNames.InternAll();

    /// <inheritdoc />
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool HasProtocol(string protocol)
    {
        var id = ProtocolIds.Of(protocol);
        return id >= 0 && (ProtocolMask & (1UL << id)) != 0;
    }


    /// <inheritdoc />
    public IReadOnlyList<FieldValue> GetValues(string field) =>
        FieldKey(field) is { } info ? Lookup(info).ToList() : None;

    /// <summary>The key a display filter resolves once for <paramref name="field"/> (null: no packet ever holds it).</summary>
    internal static FieldKeyInfo? KeyOf(string field) => FieldKey(field);

    /// <summary>True when <paramref name="protocolId"/> (from <see cref="ProtocolIds.Of"/>) is in this packet.</summary>
    internal bool HasProtocolId(int protocolId) => protocolId >= 0 && (ProtocolMask & (1UL << protocolId)) != 0;

    /// <summary>The values of a resolved field, without allocating when there is at most one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal FieldValueSet Lookup(FieldKeyInfo info)
    {
        var key = info.Name;
        List<FieldValue>? values = null;
        FieldValue? first = null;
        FieldValue? second = null;
        foreach (var layer in _layers)
        {
            if (!Holds(layer, info))
                continue;
            foreach (var f in layer.Span)
            {
                if (!ReferenceEquals(f.Name, key))
                    continue;
                if (first is null)
                {
                    first = f.Value;
                }
                else if (second is null)
                {
                    second = f.Value;
                }
                else
                {
                    values ??= [first, second];
                    values.Add(f.Value);
                }
            }
        }
        if (values is not null)
            return new FieldValueSet(values);
        return first is null ? FieldValueSet.Empty : second is null ? new FieldValueSet(first) : new FieldValueSet(first, second);
    }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> GetProtocolBytes(string protocol)
    {
        foreach (var layer in _layers)
        {
            if (layer.Protocol == protocol)
                return layer.Offset >= _bytes.Length ? ReadOnlyMemory<byte>.Empty : _bytes.AsMemory(layer.Offset);
        }
        return ReadOnlyMemory<byte>.Empty;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Number}\t{TimeRelative:0.000000000}\t{Source}\t{Destination}\t{Protocol}\t{Length}\t{Info}");
}
