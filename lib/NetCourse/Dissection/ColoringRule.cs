using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>
/// One colouring rule of Wireshark: a name, a display filter, and the colours of the packet-list row it paints.
/// Colours are CSS (<c>#rrggbb</c>) converted from Wireshark's 16-bit RGB (each component divided by 257).
/// </summary>
public sealed class ColoringRule
{
    /// <summary>Builds a rule; <paramref name="filter"/> is null when <paramref name="filterText"/> could not be read.</summary>
    /// <param name="name">The rule's name as Wireshark shows it (for example "TCP SYN/FIN").</param>
    /// <param name="filterText">The display filter as written in the file.</param>
    /// <param name="filter">The parsed filter, or null (the rule then never matches).</param>
    /// <param name="foreground">The text colour, CSS.</param>
    /// <param name="background">The background colour, CSS.</param>
    /// <param name="enabled">False for a rule disabled in the file (line starting with "!").</param>
    /// <param name="error">Why the filter could not be read, or null.</param>
    public ColoringRule(string name, string filterText, DisplayFilter? filter, string foreground, string background, bool enabled = true, string? error = null)
    {
        Name = name;
        FilterText = filterText;
        Filter = filter;
        Foreground = foreground;
        Background = background;
        Enabled = enabled;
        Error = error;
    }

    /// <summary>The rule's name (what <c>tshark -e frame.coloring_rule.name</c> prints).</summary>
    public string Name { get; }

    /// <summary>The display filter as written.</summary>
    public string FilterText { get; }

    /// <summary>The parsed display filter, or null when it could not be read.</summary>
    public DisplayFilter? Filter { get; }

    /// <summary>The text colour, CSS <c>#rrggbb</c>.</summary>
    public string Foreground { get; }

    /// <summary>The background colour, CSS <c>#rrggbb</c>.</summary>
    public string Background { get; }

    /// <summary>False when the rule is disabled in the file.</summary>
    public bool Enabled { get; }

    /// <summary>The French reason the filter could not be read, or null.</summary>
    public string? Error { get; }

    /// <summary>True when the rule is enabled, its filter was read and the packet satisfies it.</summary>
    public bool Matches(IFieldSource packet) => Enabled && Filter is not null && Filter.Matches(packet);

    /// <summary>Converts one of Wireshark's 16-bit RGB colours ([r,g,b], 0–65535) to CSS <c>#rrggbb</c>.</summary>
    public static string ToCss(int red, int green, int blue)
    {
        static int Scale(int v) => (int)Math.Round(Math.Clamp(v, 0, 65535) / 257.0, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"#{Scale(red):x2}{Scale(green):x2}{Scale(blue):x2}");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({FilterText})";
}
