namespace NetCourse.Dissection;

/// <summary>
/// The values of one field in one packet, without allocating in the common cases: none, or one value held inline;
/// several values (or any source other than the dissector's packets) are held as a list. Display filters iterate it.
/// </summary>
internal readonly struct FieldValueSet
{
    private readonly FieldValue? _single;
    private readonly IReadOnlyList<FieldValue>? _many;

    /// <summary>No value.</summary>
    public static FieldValueSet Empty => default;

    /// <summary>One value, held inline.</summary>
    public FieldValueSet(FieldValue single)
    {
        _single = single;
        _many = null;
    }

    /// <summary>Any number of values.</summary>
    public FieldValueSet(IReadOnlyList<FieldValue> many)
    {
        _single = null;
        _many = many;
    }

    /// <summary>How many values.</summary>
    public int Count => _many?.Count ?? (_single is null ? 0 : 1);

    /// <summary>The value at <paramref name="index"/>.</summary>
    public FieldValue this[int index] => _many is not null ? _many[index] : index == 0 && _single is not null ? _single : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The values as a list (allocates for a single inline value).</summary>
    public IReadOnlyList<FieldValue> ToList() => _many ?? (_single is null ? [] : [_single]);

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
