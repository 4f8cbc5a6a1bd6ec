namespace NetCourse.Dissection;

/// <summary>
/// The left side of a test: a field or protocol name, optionally sliced (<c>eth[0]</c>, <c>eth.src[0:3]</c>) and
/// optionally masked with a bitwise and (<c>tcp.flags &amp; 0x02</c>).
/// </summary>
internal sealed class FilterOperand
{
    public FilterOperand(string name, int position, int length)
    {
        Name = name;
        Position = position;
        Length = length;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        _protocol = dot > 0 && !name.StartsWith('_') && !name.StartsWith("frame.", StringComparison.Ordinal) ? name[..dot] : null;
        _protocolId = _protocol is null ? -1 : ProtocolIds.Of(_protocol);
        _nameId = ProtocolIds.Of(name);
        _dotted = dot >= 0;
    }

    // The protocol a dotted field belongs to ("hsrp" for "hsrp.state"): when the packet lacks it, the field is absent
    // too, and the (costly) field lookup is skipped — the colouring rules test many fields of protocols we never see.
    private readonly string? _protocol;

    // Resolved once, for the dissector's own packets: the protocol's bit (-1: the dissector never writes it), the
    // name's bit when it is a protocol, and the field's interned key (looked up on first use, after the dissector's
    // names are interned).
    private readonly int _protocolId;
    private readonly int _nameId;
    private readonly bool _dotted;
    private static readonly FieldKeyInfo Unresolved = new("", null);
    private static readonly FieldKeyInfo Absent = new("", null);
    private FieldKeyInfo _key = Unresolved; // one reference, so a thread sees either Unresolved or the final key

    private FieldValueSet FieldValues(IFieldSource source)
    {
        if (source is DissectedPacket packet)
        {
            if (_protocol is not null && !packet.HasProtocolId(_protocolId))
                return FieldValueSet.Empty;
            var key = _key;
            if (ReferenceEquals(key, Unresolved))
                _key = key = DissectedPacket.KeyOf(Name) ?? Absent;
            return ReferenceEquals(key, Absent) ? FieldValueSet.Empty : packet.Lookup(key);
        }
        return _protocol is not null && !source.HasProtocol(_protocol) ? FieldValueSet.Empty : new FieldValueSet(source.GetValues(Name));
    }

    /// <summary>
    /// The protocols a dissected packet must have one of for this operand to have a value or bytes (see
    /// <see cref="FilterNode.NeededProtocols"/>), read off <see cref="FieldValues"/> and <see cref="HasOwnProtocol"/>:
    /// a dotted field of a protocol needs that protocol, or the name itself when it is also a protocol
    /// (<c>ipv6.fraghdr</c>); a bare name (<c>tcp</c>, <c>eth[0]</c>) needs itself, or a layer that holds a field of that
    /// name (an mDNS layer holds the dns fields); <c>frame.*</c> and <c>_ws.*</c> need nothing.
    /// </summary>
    public ulong NeededProtocols
    {
        get
        {
            if (_protocol is not null)
                return Bit(_protocolId) | Bit(_nameId);
            if (_dotted || Name.StartsWith('_'))
                return ulong.MaxValue;
            var holders = DissectedPacket.KeyOf(Name) is null ? 0 : Bit(_nameId) | (Name == "dns" ? Bit(ProtocolIds.Of("mdns")) : 0);
            return Bit(_nameId) | holders;
        }
    }

    private static ulong Bit(int protocolId) => protocolId < 0 ? 0 : 1UL << protocolId;

    private bool HasOwnProtocol(IFieldSource source) =>
        source is DissectedPacket packet ? packet.HasProtocolId(_nameId) : source.HasProtocol(Name);

    /// <summary>The field or protocol name.</summary>
    public string Name { get; }

    /// <summary>Where the name starts in the filter.</summary>
    public int Position { get; }

    /// <summary>The name's length in the filter.</summary>
    public int Length { get; }

    /// <summary>True when a slice is applied.</summary>
    public bool HasSlice { get; private set; }

    private int _sliceStart;
    private int? _sliceLength; // null: to the end

    /// <summary>The mask of a bitwise and, or null.</summary>
    public FilterLiteral? Mask { get; set; }

    private long MaskValue => Mask is null ? 0 : Mask.Integer ?? (Mask.Bytes is { } mb ? FilterComparison.ToInteger(mb) : 0);

    /// <summary>Applies a slice: start may be negative (from the end); length null means to the end.</summary>
    public void SetSlice(int start, int? length)
    {
        HasSlice = true;
        _sliceStart = start;
        _sliceLength = length;
    }

    /// <summary>True when the field or protocol is present (a bare test).</summary>
    public bool Exists(IFieldSource source)
    {
        if (HasSlice)
        {
            // Same as Values(source) then "some value" (masked: "some non-zero value"), without building the list.
            var fieldValues = FieldValues(source);
            if (fieldValues.Count > 0)
            {
                foreach (var v in fieldValues)
                    if (SliceSatisfies(v.Kind is FieldKind.Bytes or FieldKind.Ethernet ? v.Bytes ?? [] : BytesOf(v)))
                        return true;
                return false;
            }
            return HasOwnProtocol(source) && SliceSatisfies(source.GetProtocolBytes(Name).Span);
        }
        if (Mask is not null)
        {
            var mask = MaskValue;
            foreach (var v in FieldValues(source))
                if ((IntegerOf(v) & mask) != 0) return true;
            return false;
        }
        // A name without a dot is a protocol (every Wireshark field is "protocol.something").
        return HasOwnProtocol(source) || (_dotted && FieldValues(source).Count > 0);
    }

    private bool SliceSatisfies(ReadOnlySpan<byte> bytes)
    {
        if (!TrySlice(bytes, out var slice)) return false;
        return Mask is null || (FilterComparison.ToInteger(slice) & MaskValue) != 0;
    }

    private bool TrySlice(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> slice)
    {
        var start = _sliceStart < 0 ? bytes.Length + _sliceStart : _sliceStart;
        var length = _sliceLength ?? bytes.Length - start;
        if (start < 0 || length < 0 || start + length > bytes.Length)
        {
            slice = default;
            return false;
        }
        slice = bytes.Slice(start, length);
        return true;
    }

    private static long IntegerOf(FieldValue v) =>
        v.Kind is FieldKind.Bytes or FieldKind.Ethernet ? FilterComparison.ToInteger(v.Bytes ?? []) : v.Integer;

    /// <summary>The values the test compares: the field's values, sliced then masked when asked.</summary>
    public FieldValueSet Values(IFieldSource source)
    {
        if (!HasSlice && Mask is null) return FieldValues(source);
        var result = new List<FieldValue>();
        if (HasSlice)
        {
            var fieldValues = FieldValues(source);
            if (fieldValues.Count > 0)
            {
                foreach (var v in fieldValues) AddSlice(result, BytesOf(v));
            }
            else if (HasOwnProtocol(source))
            {
                AddSlice(result, source.GetProtocolBytes(Name).ToArray());
            }
        }
        else
        {
            foreach (var v in FieldValues(source)) result.Add(v);
        }
        if (Mask is null) return new FieldValueSet(result);
        var mask = MaskValue;
        for (var i = 0; i < result.Count; i++)
            result[i] = FieldValue.FromInteger(IntegerOf(result[i]) & mask);
        return new FieldValueSet(result);
    }

    /// <summary>
    /// For <c>contains</c> and <c>matches</c>: the field's values, or — for a protocol name such as <c>tcp</c> or
    /// <c>frame</c> — the protocol's bytes (from its first byte to the end of the frame), as Wireshark searches them.
    /// </summary>
    public FieldValueSet SearchableValues(IFieldSource source)
    {
        var values = Values(source);
        if (values.Count > 0 || HasSlice || Mask is not null || !HasOwnProtocol(source)) return values;
        var bytes = source.GetProtocolBytes(Name);
        return bytes.IsEmpty ? values : new FieldValueSet(FieldValue.FromBytes(bytes.ToArray()));
    }

    private void AddSlice(List<FieldValue> into, byte[] bytes)
    {
        var start = _sliceStart < 0 ? bytes.Length + _sliceStart : _sliceStart;
        var length = _sliceLength ?? bytes.Length - start;
        if (start < 0 || length < 0 || start + length > bytes.Length) return;
        into.Add(FieldValue.FromBytes(bytes.AsSpan(start, length).ToArray()));
    }

    private static byte[] BytesOf(FieldValue v) => v.Kind switch
    {
        FieldKind.Bytes or FieldKind.Ethernet => v.Bytes ?? [],
        FieldKind.Address => v.Address?.GetAddressBytes() ?? [],
        FieldKind.Text => System.Text.Encoding.UTF8.GetBytes(v.Text ?? ""),
        _ => BitConverter.IsLittleEndian ? BitConverter.GetBytes(v.Integer).Reverse().SkipWhile((b, i) => b == 0 && i < 7).ToArray() : BitConverter.GetBytes(v.Integer),
    };
}
