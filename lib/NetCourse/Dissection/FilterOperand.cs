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
    }

    // The protocol a dotted field belongs to ("hsrp" for "hsrp.state"): when the packet lacks it, the field is absent
    // too, and the (costly) field lookup is skipped — the colouring rules test many fields of protocols we never see.
    private readonly string? _protocol;

    private IReadOnlyList<FieldValue> FieldValues(IFieldSource source) =>
        _protocol is not null && !source.HasProtocol(_protocol) ? [] : source.GetValues(Name);

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
        if (HasSlice || Mask is not null)
        {
            var values = Values(source);
            if (Mask is null) return values.Count > 0;
            foreach (var v in values) if (v.Integer != 0) return true;
            return false;
        }
        // A name without a dot is a protocol (every Wireshark field is "protocol.something").
        return source.HasProtocol(Name) || (Name.Contains('.', StringComparison.Ordinal) && FieldValues(source).Count > 0);
    }

    /// <summary>The values the test compares: the field's values, sliced then masked when asked.</summary>
    public IReadOnlyList<FieldValue> Values(IFieldSource source)
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
            else if (source.HasProtocol(Name))
            {
                AddSlice(result, source.GetProtocolBytes(Name).ToArray());
            }
        }
        else
        {
            result.AddRange(FieldValues(source));
        }
        if (Mask is null) return result;
        var mask = Mask.Integer ?? (Mask.Bytes is { } mb ? FilterComparison.ToInteger(mb) : 0);
        for (var i = 0; i < result.Count; i++)
        {
            var v = result[i];
            var n = v.Kind is FieldKind.Bytes or FieldKind.Ethernet ? FilterComparison.ToInteger(v.Bytes ?? []) : v.Integer;
            result[i] = FieldValue.FromInteger(n & mask);
        }
        return result;
    }

    /// <summary>
    /// For <c>contains</c> and <c>matches</c>: the field's values, or — for a protocol name such as <c>tcp</c> or
    /// <c>frame</c> — the protocol's bytes (from its first byte to the end of the frame), as Wireshark searches them.
    /// </summary>
    public IReadOnlyList<FieldValue> SearchableValues(IFieldSource source)
    {
        var values = Values(source);
        if (values.Count > 0 || HasSlice || Mask is not null || !source.HasProtocol(Name)) return values;
        var bytes = source.GetProtocolBytes(Name);
        return bytes.IsEmpty ? values : [FieldValue.FromBytes(bytes.ToArray())];
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
