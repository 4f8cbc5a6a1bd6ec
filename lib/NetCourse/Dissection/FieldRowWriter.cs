using System.Runtime.CompilerServices;

namespace NetCourse.Dissection;

/// <summary>
/// Writes packets as <c>tshark -T fields -e …</c> does: one line per packet, the chosen fields tab-separated,
/// several values of one field comma-separated. Values are formatted straight into the output (no string per value),
/// which is what makes <c>netcourse dissect</c> fast on large captures.
/// </summary>
public sealed class FieldRowWriter
{
    /// <summary>The pseudo-field that prints the name of the matching colouring rule.</summary>
    public const string ColoringRuleField = "frame.coloring_rule.name";

    private readonly string[] _fields;
    // The columns of each interned field name, in an open-addressing table keyed by reference: looked up for every
    // field of every packet, so no interface call to a comparer and no shared-generic dictionary lookup.
    private readonly string?[] _names;
    private readonly int[][] _nameColumns;
    private readonly int _tableMask;
    private readonly FieldValue?[] _first;
    private readonly List<FieldValue>?[] _more;
    private char[] _buffer = new char[256];

    /// <summary>Prepares a writer for <paramref name="fields"/> (Wireshark names; <c>_ws.col.*</c> columns and <see cref="ColoringRuleField"/> are understood too).</summary>
    public FieldRowWriter(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        FieldNames.InternAll();
        _fields = [.. fields];
        _first = new FieldValue?[_fields.Length];
        _more = new List<FieldValue>?[_fields.Length];
        var columns = new Dictionary<string, int[]>(ReferenceEqualityComparer.Instance as IEqualityComparer<string>);
        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.IsInterned(_fields[i]) is not { } name)
                continue;
            columns[name] = columns.TryGetValue(name, out var existing) ? [.. existing, i] : [i];
        }
        var size = 16;
        while (size < columns.Count * 4)
            size *= 2;
        _tableMask = size - 1;
        _names = new string?[size];
        _nameColumns = new int[size][];
        foreach (var (name, at) in columns)
        {
            var slot = RuntimeHelpers.GetHashCode(name) & _tableMask;
            while (_names[slot] is not null)
                slot = (slot + 1) & _tableMask;
            _names[slot] = name;
            _nameColumns[slot] = at;
        }
    }

    /// <summary>The columns that print <paramref name="name"/> (compared by reference), or null.</summary>
    private int[]? ColumnsOf(string name)
    {
        var names = _names;
        var slot = RuntimeHelpers.GetHashCode(name) & _tableMask;
        while (names[slot] is { } candidate)
        {
            if (ReferenceEquals(candidate, name))
                return _nameColumns[slot];
            slot = (slot + 1) & _tableMask;
        }
        return null;
    }

    /// <summary>True when the dissector can fill <paramref name="field"/> (a field it writes, a <c>_ws.col.*</c> column or <see cref="ColoringRuleField"/>).</summary>
    public static bool IsKnownField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field == ColoringRuleField || field is "_ws.col.No." or "_ws.col.Protocol" or "_ws.col.Info" or "_ws.col.Source" or "_ws.col.Destination"
            || Array.IndexOf(FieldNames.All, field) >= 0;
    }

    /// <summary>The fields, in column order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>True when a column asks for the colouring rule's name.</summary>
    public bool NeedsColoringRule => Array.IndexOf(_fields, ColoringRuleField) >= 0;

    /// <summary>Writes one packet's line (with its final '\n'); <paramref name="coloringRule"/> fills <see cref="ColoringRuleField"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(DissectedPacket packet, TextWriter writer, string? coloringRule = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(writer);
        Array.Clear(_first);
        foreach (var layer in packet.Layers)
        {
            foreach (var field in layer.Span)
            {
                if (ColumnsOf(field.Name) is not { } columns)
                    continue;
                foreach (var column in columns)
                {
                    if (_first[column] is null)
                    {
                        _first[column] = field.Value;
                        _more[column]?.Clear();
                    }
                    else
                    {
                        (_more[column] ??= []).Add(field.Value);
                    }
                }
            }
        }
        for (var i = 0; i < _fields.Length; i++)
        {
            if (i > 0)
                writer.Write('\t');
            if (_first[i] is { } value)
            {
                WriteValue(value, writer);
                if (_more[i] is { Count: > 0 } more)
                {
                    foreach (var other in more)
                    {
                        writer.Write(',');
                        WriteValue(other, writer);
                    }
                    more.Clear();
                }
            }
            else if (_fields[i].StartsWith("_ws.col.", StringComparison.Ordinal))
            {
                writer.Write(packet.FieldText(_fields[i]));
            }
            else if (ReferenceEquals(_fields[i], ColoringRuleField) || _fields[i] == ColoringRuleField)
            {
                writer.Write(coloringRule ?? "");
            }
        }
        writer.Write('\n');
    }

    private void WriteValue(FieldValue value, TextWriter writer)
    {
        if (value.TryWrite(_buffer, out var written))
        {
            writer.Write(_buffer.AsSpan(0, written));
            return;
        }
        if (written > _buffer.Length)
        {
            _buffer = new char[written * 2];
            if (value.TryWrite(_buffer, out written))
            {
                writer.Write(_buffer.AsSpan(0, written));
                return;
            }
        }
        writer.Write(value.Display);
    }
}
