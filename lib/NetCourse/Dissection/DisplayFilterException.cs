namespace NetCourse.Dissection;

/// <summary>
/// A display filter that cannot be read. <see cref="Exception.Message"/> is in French and points at the offending
/// character: the reason, the filter, and a caret line under the faulty part (as tshark does).
/// </summary>
public sealed class DisplayFilterException : Exception
{
    /// <summary>Builds the exception for <paramref name="filter"/>, pointing at <paramref name="position"/> (0-based).</summary>
    /// <param name="filter">The filter text.</param>
    /// <param name="position">The 0-based index of the offending character.</param>
    /// <param name="length">How many characters are at fault (at least 1 is underlined).</param>
    /// <param name="reason">The French reason, without the position.</param>
    public DisplayFilterException(string filter, int position, int length, string reason)
        : base(Format(filter, position, length, reason))
    {
        Filter = filter;
        Position = position;
        Length = length;
        Reason = reason;
    }

    /// <summary>The filter text that was read.</summary>
    public string Filter { get; }

    /// <summary>The 0-based index of the first offending character (the filter's length at its end).</summary>
    public int Position { get; }

    /// <summary>The number of offending characters.</summary>
    public int Length { get; }

    /// <summary>The French reason alone (no position, no caret line).</summary>
    public string Reason { get; }

    /// <summary>The caret line alone: spaces up to <see cref="Position"/>, then ^ and ~ under the faulty part.</summary>
    public string CaretLine => new string(' ', Position) + "^" + new string('~', Math.Max(0, Length - 1));

    private static string Format(string filter, int position, int length, string reason)
    {
        var caret = new string(' ', position) + "^" + new string('~', Math.Max(0, length - 1));
        return $"Filtre d'affichage invalide, colonne {position + 1} : {reason}{Environment.NewLine}    {filter}{Environment.NewLine}    {caret}";
    }
}
