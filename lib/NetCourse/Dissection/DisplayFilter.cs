using System.Diagnostics.CodeAnalysis;

namespace NetCourse.Dissection;

/// <summary>
/// A Wireshark display filter (a subset of its syntax), read once and evaluated against any
/// <see cref="IFieldSource"/>: comparisons <c>== != &lt; &lt;= &gt; &gt;=</c> (and <c>eq ne lt le gt ge</c>,
/// <c>===</c>, <c>~=</c>), <c>contains</c> and <c>matches</c> (case-insensitive regular expression; on a protocol name they
/// search its bytes), <c>in { 3..5, 11 }</c> and <c>not in</c>, <c>&amp;&amp; and || or ! not</c>,
/// parentheses, a bare protocol or field (present), CIDR addresses (<c>ip.dst == 224.0.0.0/4</c>), decimal, hex and
/// octal integers, "strings", bitwise and (<c>tcp.flags &amp; 0x02</c>), slices (<c>eth[0] &amp; 1</c>, <c>eth.src[0:3]</c>) and
/// field-to-field comparisons (<c>ip.src == ip.dst</c>: an unquoted right side that names a known field).
/// </summary>
/// <remarks>
/// Semantics of Wireshark 4.0 (checked against tshark 4.0.17): a comparison is true when ANY value of the field
/// satisfies it (so <c>ip.addr == X</c> matches either side); <c>!=</c> is "present and every value differs"
/// (<c>ip.addr != 127.0.0.1</c> drops every packet to or from 127.0.0.1) and is false when the field is absent;
/// <c>~=</c> is "some value differs"; <c>not in</c> is the negation of <c>in</c>. Names are case-sensitive. Unknown
/// field or protocol names are accepted and match nothing (as the colouring rules need), so
/// <see cref="Fields"/> lists the names a filter uses.
/// </remarks>
public sealed class DisplayFilter
{
    private readonly FilterNode _root;

    private DisplayFilter(string text, FilterNode root, IReadOnlyList<string> fields)
    {
        Text = text;
        _root = root;
        Fields = fields;
    }

    /// <summary>The parsed tree (the colouring rules evaluate it directly).</summary>
    internal FilterNode Root => _root;

    /// <summary>The protocols (bits of <see cref="ProtocolIds"/>) a dissected packet needs one of to match; see <see cref="FilterNode.NeededProtocols"/>.</summary>
    internal ulong NeededProtocols => _root.NeededProtocols;

    /// <summary>The filter as written.</summary>
    public string Text { get; }

    /// <summary>The field and protocol names the filter tests, in order of first use.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Reads <paramref name="text"/> (empty or blank: every packet matches).</summary>
    /// <exception cref="DisplayFilterException">The filter is not valid; the French message points at the offending character.</exception>
    public static DisplayFilter Parse(string text) => Parse(text, strict: false);

    /// <summary>
    /// Reads <paramref name="text"/>; when <paramref name="strict"/> is true, a field or protocol name that neither the
    /// course's dissector nor Wireshark's default colouring rules know is an error (as in tshark), with a spelling
    /// suggestion — use it for filters that students type. Lenient reading (false) accepts any well-formed name.
    /// </summary>
    /// <exception cref="DisplayFilterException">The filter is not valid; the French message points at the offending character.</exception>
    public static DisplayFilter Parse(string text, bool strict)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, fields) = FilterParser.Parse(text, strict);
        return new DisplayFilter(text, root, fields);
    }

    /// <summary>The field and protocol names a strict filter accepts.</summary>
    public static IReadOnlySet<string> KnownNames => FilterKnownNames.Names;

    /// <summary>Reads <paramref name="text"/>; false (and a null filter) when it is not valid.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DisplayFilter? filter) => TryParse(text, out filter, out _);

    /// <summary>Reads <paramref name="text"/>; when it is not valid, returns false with the French error in <paramref name="error"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DisplayFilter? filter, [NotNullWhen(false)] out DisplayFilterException? error) =>
        TryParse(text, strict: false, out filter, out error);

    /// <summary>As <see cref="TryParse(string?, out DisplayFilter?, out DisplayFilterException?)"/>, strict about names when <paramref name="strict"/> is true.</summary>
    public static bool TryParse(string? text, bool strict, [NotNullWhen(true)] out DisplayFilter? filter, [NotNullWhen(false)] out DisplayFilterException? error)
    {
        filter = null;
        error = null;
        if (text is null)
        {
            error = new DisplayFilterException("", 0, 1, "aucun filtre n'a été donné.");
            return false;
        }
        try
        {
            filter = Parse(text, strict);
            return true;
        }
        catch (DisplayFilterException e)
        {
            error = e;
            return false;
        }
    }

    /// <summary>True when the packet seen through <paramref name="packet"/> satisfies the filter.</summary>
    public bool Matches(IFieldSource packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return _root.Evaluate(packet);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
