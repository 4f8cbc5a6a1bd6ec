namespace NetCourse.Dissection;

/// <summary>
/// The values of one field in one packet, without allocating in the common cases: none, one or two values held
/// inline (tcp.port, ip.addr); more values (or any source other than the dissector's packets) are held as a list.
/// Display filters iterate it.
/// </summary>
internal readonly struct FieldValueSet
{
    private readonly FieldValue? _single;
    private readonly FieldValue? _second;
    private readonly IReadOnlyList<FieldValue>? _many;

    /// <summary>No value.</summary>
    public static FieldValueSet Empty => default;

    /// <summary>One value, held inline.</summary>
    public FieldValueSet(FieldValue single)
    {
        _single = single;
        _second = null;
        _many = null;
    }

    /// <summary>Two values, held inline.</summary>
    public FieldValueSet(FieldValue first, FieldValue second)
    {
        _single = first;
        _second = second;
        _many = null;
    }

    /// <summary>Any number of values.</summary>
    public FieldValueSet(IReadOnlyList<FieldValue> many)
    {
        _single = null;
        _second = null;
        _many = many;
    }

    /// <summary>How many values.</summary>
    public int Count => _many?.Count ?? (_single is null ? 0 : _second is null ? 1 : 2);

    /// <summary>The value at <paramref name="index"/>.</summary>
    public FieldValue this[int index] => _many is not null ? _many[index]
        : index == 0 && _single is not null ? _single
        : index == 1 && _second is not null ? _second
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The values as a list (allocates for inline values).</summary>
    public IReadOnlyList<FieldValue> ToList() => _many ?? (_single is null ? [] : _second is null ? [_single] : [_single, _second]);

    /// <summary>A non-allocating enumerator.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Walks the values by index.</summary>
    public struct Enumerator(FieldValueSet set)
    {
        private readonly FieldValueSet _set = set;
        private readonly int _count = set.Count;
        private int _index = -1;

        /// <summary>Steps to the next value.</summary>
        public bool MoveNext() => ++_index < _count;

        /// <summary>The current value.</summary>
        public readonly FieldValue Current => _set[_index];
    }
}
