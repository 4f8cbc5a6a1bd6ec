namespace NetCourse.Dissection;

/// <summary>
/// Checks a display filter written by a student against packets: it must keep exactly what the
/// <see cref="FilterTarget"/> asks for. The report names each packet wrongly kept or missed, with its Info line.
/// Never throws for a bad filter (the parser's French message, caret included, is the feedback); names are checked
/// strictly, so a misspelt field is reported with a suggestion.
/// </summary>
public static class DisplayFilterCheck
{
    /// <summary>Applies <paramref name="filter"/> to <paramref name="packets"/> and compares with <paramref name="target"/>.</summary>
    public static DisplayFilterCheckReport Check(IReadOnlyList<DissectedPacket> packets, string? filter, FilterTarget target)
    {
        ArgumentNullException.ThrowIfNull(packets);
        ArgumentNullException.ThrowIfNull(target);
        var text = (filter ?? "").Trim();
        var wanted = packets.Where(target.Wanted).ToList();
        if (text.Length == 0 || text.Contains("???", StringComparison.Ordinal))
            return new DisplayFilterCheckReport(text, target, packets.Count, "Écrivez votre filtre à la place de ??? puis ré-exécutez la cellule.", [], [], wanted);
        // Strict, as tshark: a misspelt field (« tcp.lenght ») is an error with a suggestion, not a filter that keeps nothing.
        if (!DisplayFilter.TryParse(text, strict: true, out var parsed, out var error))
            return new DisplayFilterCheckReport(text, target, packets.Count, error.Message, [], [], wanted);
        var kept = packets.Where(p => parsed.Matches(p)).ToList();
        var wrong = kept.Where(p => !target.Wanted(p)).ToList();
        var missed = wanted.Where(p => !kept.Contains(p)).ToList();
        return new DisplayFilterCheckReport(text, target, packets.Count, null, kept, wrong, missed);
    }
}
