namespace NetCourse.Dissection;

/// <summary>A node of a parsed display filter.</summary>
internal abstract class FilterNode
{
    /// <summary>True when the packet satisfies this node.</summary>
    public abstract bool Evaluate(IFieldSource source);

    /// <summary>
    /// The protocols (bits of <see cref="ProtocolIds"/>) a dissected packet must have at least one of for this node to
    /// be true: <see cref="ulong.MaxValue"/> when nothing is required, 0 when it can never be true.
    /// </summary>
    public virtual ulong NeededProtocols => ulong.MaxValue;

    /// <summary>Of two requirements that must both hold, the narrower one (fewer protocols to test, same verdict when it fails).</summary>
    protected static ulong Narrower(ulong a, ulong b) =>
        System.Numerics.BitOperations.PopCount(a) <= System.Numerics.BitOperations.PopCount(b) ? a : b;
}

/// <summary>The empty filter: every packet.</summary>
internal sealed class FilterAll : FilterNode
{
    public override bool Evaluate(IFieldSource source) => true;
}

/// <summary>a || b.</summary>
internal sealed class FilterOr(FilterNode left, FilterNode right) : FilterNode
{
    public override bool Evaluate(IFieldSource source) => left.Evaluate(source) || right.Evaluate(source);

    public override ulong NeededProtocols => left.NeededProtocols | right.NeededProtocols;
}

/// <summary>a &amp;&amp; b.</summary>
internal sealed class FilterAnd(FilterNode left, FilterNode right) : FilterNode
{
    public override bool Evaluate(IFieldSource source) => left.Evaluate(source) && right.Evaluate(source);

    public override ulong NeededProtocols => Narrower(left.NeededProtocols, right.NeededProtocols);
}

/// <summary>!a.</summary>
internal sealed class FilterNot(FilterNode inner) : FilterNode
{
    public override bool Evaluate(IFieldSource source) => !inner.Evaluate(source);
}

/// <summary>A bare field or protocol: present (or, masked, non-zero).</summary>
internal sealed class FilterExists(FilterOperand operand) : FilterNode
{
    public override bool Evaluate(IFieldSource source) => operand.Exists(source);

    public override ulong NeededProtocols => operand.NeededProtocols;
}

/// <summary>field OP value, with Wireshark 4.0's "any" / "all" semantics.</summary>
internal sealed class FilterCompare(FilterOperand operand, FilterRelation relation, FilterLiteral literal) : FilterNode
{
    public override ulong NeededProtocols => operand.NeededProtocols;

    public override bool Evaluate(IFieldSource source)
    {
        var values = relation == FilterRelation.Contains ? operand.SearchableValues(source) : operand.Values(source);
        if (values.Count == 0) return false;
        switch (relation)
        {
            case FilterRelation.NotEqual:
                foreach (var v in values) if (FilterComparison.Compare(v, literal) is not { } c || c == 0) return false;
                return true;
            case FilterRelation.AllEqual:
                foreach (var v in values) if (FilterComparison.Compare(v, literal) != 0) return false;
                return true;
            case FilterRelation.Contains:
                foreach (var v in values) if (FilterComparison.Contains(v, literal)) return true;
                return false;
        }
        foreach (var v in values)
        {
            if (FilterComparison.Compare(v, literal) is { } c && FilterComparison.Satisfies(relation, c)) return true;
        }
        return false;
    }
}

/// <summary>field in { a, b..c }: some value equals an element or lies in a range (bounds included).</summary>
internal sealed class FilterIn(FilterOperand operand, IReadOnlyList<(FilterLiteral Low, FilterLiteral? High)> items) : FilterNode
{
    public override ulong NeededProtocols => operand.NeededProtocols;

    public override bool Evaluate(IFieldSource source)
    {
        foreach (var v in operand.Values(source))
        {
            foreach (var (low, high) in items)
            {
                if (high is null)
                {
                    if (FilterComparison.Compare(v, low) == 0) return true;
                }
                else if (FilterComparison.Compare(v, low) >= 0 && FilterComparison.Compare(v, high) <= 0)
                {
                    return true;
                }
            }
        }
        return false;
    }
}

/// <summary>field OP field (ip.src == ip.dst): Wireshark 4.0 compares every pair of values, "any" or "all" as for a literal.</summary>
internal sealed class FilterCompareFields(FilterOperand left, FilterRelation relation, FilterOperand right) : FilterNode
{
    public override ulong NeededProtocols => Narrower(left.NeededProtocols, right.NeededProtocols);

    public override bool Evaluate(IFieldSource source)
    {
        var a = left.Values(source);
        var b = right.Values(source);
        if (a.Count == 0 || b.Count == 0) return false;
        switch (relation)
        {
            case FilterRelation.NotEqual:
                foreach (var x in a)
                    foreach (var y in b)
                        if (FilterComparison.Compare(x, y) is not { } c || c == 0) return false;
                return true;
            case FilterRelation.AllEqual:
                foreach (var x in a)
                    foreach (var y in b)
                        if (FilterComparison.Compare(x, y) != 0) return false;
                return true;
        }
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (relation == FilterRelation.Contains)
                {
                    var text = y.Kind == FieldKind.Text ? y.Text ?? y.Display : null;
                    if (text is not null && x.Kind == FieldKind.Text && (x.Text ?? x.Display).Contains(text, StringComparison.Ordinal)) return true;
                    if (y.Bytes is { } needle && x.Bytes is { } hay && hay.AsSpan().IndexOf(needle) >= 0) return true;
                    continue;
                }
                if (FilterComparison.Compare(x, y) is { } c && FilterComparison.Satisfies(relation, c)) return true;
            }
        }
        return false;
    }
}

/// <summary>field matches "regex": some value (text, or bytes read as Latin-1) matches; case-insensitive, as in Wireshark.</summary>
internal sealed class FilterMatches(FilterOperand operand, System.Text.RegularExpressions.Regex regex) : FilterNode
{
    public override ulong NeededProtocols => operand.NeededProtocols;

    public override bool Evaluate(IFieldSource source)
    {
        foreach (var v in operand.SearchableValues(source))
        {
            var text = v.Kind switch
            {
                FieldKind.Text => v.Text ?? v.Display,
                FieldKind.Bytes or FieldKind.Ethernet => System.Text.Encoding.Latin1.GetString(v.Bytes ?? []),
                _ => null,
            };
            if (text is null) continue;
            try
            {
                if (regex.IsMatch(text)) return true;
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A pathological pattern: no match rather than a hung cell.
            }
        }
        return false;
    }
}
