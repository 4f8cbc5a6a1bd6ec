using System.Net.Sockets;

namespace NetCourse.Dissection;

/// <summary>Compares one field value with one literal according to the value's kind (Wireshark's typed comparisons).</summary>
internal static class FilterComparison
{
    /// <summary>&lt;0, 0, &gt;0, or null when the literal cannot be read as a value of that kind.</summary>
    public static int? Compare(FieldValue value, FilterLiteral literal)
    {
        switch (value.Kind)
        {
            case FieldKind.Integer:
                if (literal.Integer is { } i) return value.Integer.CompareTo(i);
                if (!literal.Quoted && literal.Text == value.Display) return 0;
                return null;
            case FieldKind.Boolean:
                long? b = literal.Boolean is { } t ? (t ? 1 : 0) : literal.Integer is { } n ? (n != 0 ? 1 : 0) : null;
                return b is { } bv ? value.Integer.CompareTo(bv) : null;
            case FieldKind.Number:
                return literal.Number is { } d ? value.Number.CompareTo(d) : null;
            case FieldKind.Text:
                return Math.Sign(string.CompareOrdinal(value.Text ?? value.Display, literal.Text));
            case FieldKind.Address:
                return CompareAddress(value, literal);
            case FieldKind.Ethernet:
            case FieldKind.Bytes:
                var bytes = value.Bytes ?? [];
                if (literal.Bytes is { } lb && (!literal.Quoted || value.Kind == FieldKind.Bytes)) return Math.Sign(bytes.AsSpan().SequenceCompareTo(lb));
                if (literal.Integer is { } li && bytes.Length is > 0 and <= 8) return ToInteger(bytes).CompareTo(li);
                return null;
            default:
                return null;
        }
    }

    /// <summary>Compares two field values (field == field): numbers with numbers, addresses of one family, text, bytes; null otherwise.</summary>
    public static int? Compare(FieldValue left, FieldValue right)
    {
        static bool Numeric(FieldKind k) => k is FieldKind.Integer or FieldKind.Boolean or FieldKind.Number;
        if (Numeric(left.Kind) && Numeric(right.Kind))
            return left.Kind == FieldKind.Number || right.Kind == FieldKind.Number ? left.Number.CompareTo(right.Number) : left.Integer.CompareTo(right.Integer);
        if (left.Kind == FieldKind.Address && right.Kind == FieldKind.Address && left.Address is { } a && right.Address is { } b && a.AddressFamily == b.AddressFamily)
            return Math.Sign(a.GetAddressBytes().AsSpan().SequenceCompareTo(b.GetAddressBytes()));
        if (left.Kind == FieldKind.Text && right.Kind == FieldKind.Text)
            return Math.Sign(string.CompareOrdinal(left.Text ?? left.Display, right.Text ?? right.Display));
        if (left.Kind is FieldKind.Bytes or FieldKind.Ethernet && right.Kind is FieldKind.Bytes or FieldKind.Ethernet)
            return Math.Sign((left.Bytes ?? []).AsSpan().SequenceCompareTo(right.Bytes ?? []));
        return null;
    }

    /// <summary>Whether a comparison result (negative, 0, positive) satisfies <paramref name="relation"/>.</summary>
    public static bool Satisfies(FilterRelation relation, int comparison) => relation switch
    {
        FilterRelation.Equal => comparison == 0,
        FilterRelation.AnyNotEqual => comparison != 0,
        FilterRelation.Less => comparison < 0,
        FilterRelation.LessOrEqual => comparison <= 0,
        FilterRelation.Greater => comparison > 0,
        FilterRelation.GreaterOrEqual => comparison >= 0,
        _ => false,
    };

    /// <summary>True when <paramref name="value"/> contains <paramref name="literal"/> (text or bytes).</summary>
    public static bool Contains(FieldValue value, FilterLiteral literal) => value.Kind switch
    {
        FieldKind.Text => (value.Text ?? value.Display).Contains(literal.Text, StringComparison.Ordinal),
        FieldKind.Bytes or FieldKind.Ethernet => literal.Bytes is { } b && (value.Bytes ?? []).AsSpan().IndexOf(b) >= 0,
        _ => false,
    };

    /// <summary>Big-endian unsigned integer of up to 8 bytes.</summary>
    public static long ToInteger(ReadOnlySpan<byte> bytes)
    {
        long v = 0;
        foreach (var x in bytes[..Math.Min(8, bytes.Length)]) v = (v << 8) | x;
        return v;
    }

    private static int? CompareAddress(FieldValue value, FilterLiteral literal)
    {
        if (value.Address is null || literal.AddressBytes is null) return null;
        if (value.Address.AddressFamily != literal.AddressFamily) return null;
        if (value.Address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)) return null;
        Span<byte> own = stackalloc byte[16];
        if (!value.Address.TryWriteBytes(own, out var written)) return null;
        own = own[..written];
        var net = literal.AddressBytes;
        // Compare only the prefix's bits: "ip.dst == 224.0.0.0/4" is true for every address of that network.
        var bits = literal.Prefix;
        for (var k = 0; k < own.Length; k++)
        {
            var take = Math.Clamp(bits - k * 8, 0, 8);
            if (take == 0) return 0;
            var mask = (byte)(0xFF << (8 - take));
            var a = own[k] & mask;
            var b = net[k] & mask;
            if (a != b) return a < b ? -1 : 1;
        }
        return 0;
    }
}
