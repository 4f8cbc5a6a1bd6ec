using System.Globalization;
using System.Text.RegularExpressions;

namespace NetCourse.Dissection;

/// <summary>
/// Wireshark's colouring rules, in order: the first enabled rule whose filter matches gives the packet its colours.
/// <see cref="Default"/> reads the list tshark installs (<c>/usr/share/wireshark/colorfilters</c>) when present,
/// else an embedded byte-for-byte copy of Wireshark 4.0.17's default list. Rules about protocols the course does
/// not dissect simply never match (their fields are absent).
/// </summary>
public sealed partial class ColoringRules
{
    /// <summary>Where Wireshark (and tshark) install the default rules on Debian.</summary>
    public const string SystemPath = "/usr/share/wireshark/colorfilters";

    private static readonly Lazy<ColoringRules> LazyDefault = new(() => LoadDefault(SystemPath));

    // The rules that can match (enabled, filter read), compiled once: each filter's tree and the protocols a packet
    // needs one of for it to match, so a packet skips at once the rules about protocols it lacks (most of them).
    private readonly ColoringRule[] _active;
    private readonly FilterNode[] _roots;
    private readonly ulong[] _needed;

    private ColoringRules(IReadOnlyList<ColoringRule> rules, string origin)
    {
        Rules = rules;
        Origin = origin;
        _active = [.. rules.Where(r => r.Enabled && r.Filter is not null)];
        _roots = [.. _active.Select(r => r.Filter!.Root)];
        _needed = [.. _active.Select(r => r.Filter!.NeededProtocols)];
    }

    /// <summary>Wireshark's default rules: the system file when present, else the embedded copy.</summary>
    public static ColoringRules Default => LazyDefault.Value;

    /// <summary>The rules, in order (first match wins).</summary>
    public IReadOnlyList<ColoringRule> Rules { get; }

    /// <summary>Where the rules come from: a file path, or "copie intégrée (Wireshark 4.0.17)".</summary>
    public string Origin { get; }

    /// <summary>The embedded copy of Wireshark 4.0.17's default rules.</summary>
    public static ColoringRules Embedded => LazyEmbedded.Value;

    // Read on first use only: with tshark installed, Default reads the system file and never needs it.
    private static readonly Lazy<ColoringRules> LazyEmbedded = new(() => Parse(ColoringDefaults.Text, "copie intégrée (Wireshark 4.0.17)"));

    /// <summary>Reads <paramref name="path"/> when it exists and holds at least one rule, else returns <see cref="Embedded"/>.</summary>
    public static ColoringRules LoadDefault(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                var rules = Parse(File.ReadAllText(path), path);
                if (rules.Rules.Count > 0) return rules;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Embedded;
    }

    /// <summary>
    /// Reads rules in Wireshark's colorfilters format: one rule a line, <c>@name@filter@[bg r,g,b][fg r,g,b]</c>,
    /// "#" comments, "!" before a disabled rule. A rule whose filter cannot be read is kept, with its
    /// <see cref="ColoringRule.Error"/>, and never matches (Wireshark disables it too).
    /// </summary>
    public static ColoringRules Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<ColoringRule>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var m = RuleLine().Match(line);
            if (!m.Success) continue;
            int C(string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            var background = ColoringRule.ToCss(C("br"), C("bg"), C("bb"));
            var foreground = ColoringRule.ToCss(C("fr"), C("fg"), C("fb"));
            var filterText = m.Groups["filter"].Value;
            // A rule whose filter does not parse is kept (disabled in effect) with its error, as Wireshark lists it.
            _ = DisplayFilter.TryParse(filterText, out var filter, out var error);
            rules.Add(new ColoringRule(m.Groups["name"].Value, filterText, filter, foreground, background,
                enabled: m.Groups["off"].Value.Length == 0, error: error?.Message));
        }
        return new ColoringRules(rules, origin);
    }

    /// <summary>The first enabled rule that matches the packet, or null (Wireshark then leaves the row uncoloured).</summary>
    public ColoringRule? Match(IFieldSource packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (packet is DissectedPacket dissected)
        {
            var present = dissected.ProtocolMask;
            for (var i = 0; i < _roots.Length; i++)
            {
                if ((present & _needed[i]) != 0 && _roots[i].Evaluate(packet))
                    return _active[i];
            }
            return null;
        }
        var rules = Rules;
        for (var i = 0; i < rules.Count; i++) // an index, not foreach: no enumerator allocated per packet
            if (rules[i].Matches(packet)) return rules[i];
        return null;
    }

    /// <summary>The rule named <paramref name="name"/>, or null.</summary>
    public ColoringRule? Find(string name) => Rules.FirstOrDefault(r => r.Name == name);

    [GeneratedRegex(@"^(?<off>!?)@(?<name>[^@]*)@(?<filter>.*)@\[(?<br>\d+),(?<bg>\d+),(?<bb>\d+)\]\[(?<fr>\d+),(?<fg>\d+),(?<fb>\d+)\]\s*$")]
    private static partial Regex RuleLine();
}
