using System.Collections.Frozen;
using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>
/// Wireshark's own labels and value strings for the fields the dissector writes, read from the tables in
/// <c>Dissection/Wireshark/*.tsv</c> that <c>tools/wireshark-labels.py</c> generates from the installed Wireshark
/// (<c>tshark -G fields</c> / <c>-G values</c>: the dissectors' <c>hf_register_info</c>, <c>value_string</c> and
/// <c>true_false_string</c> tables), plus the ICMP type and code strings that packet-icmp.c keeps out of its fields.
/// </summary>
public static class WiresharkLabels
{
    private const string ResourcePrefix = "NetCourse.Wireshark.";
    private static readonly Lazy<Tables> Loaded = new(Load);

    /// <summary>The Wireshark version the tables came from (the generator's header line).</summary>
    public static string Source => Loaded.Value.Source;

    /// <summary>How Wireshark registers <paramref name="name"/>, or null when the tables do not have it.</summary>
    public static WiresharkField? Field(string name) => Loaded.Value.Fields.GetValueOrDefault(name);

    /// <summary>The value string of <paramref name="value"/> for the field <paramref name="name"/> (for example « ICMP » for ip.proto 1), or null.</summary>
    public static string? ValueString(string name, long value) =>
        Loaded.Value.Values.TryGetValue(name, out var strings) ? strings.GetValueOrDefault(value) : null;

    /// <summary>The words a boolean field shows for true and false (« Set » / « Not set » unless the dissector says otherwise).</summary>
    public static (string True, string False) TrueFalse(string name) =>
        Loaded.Value.TrueFalse.TryGetValue(name, out var words) ? words : ("Set", "Not set");

    /// <summary>ICMP type names, from packet-icmp.c's <c>icmp_type_str</c>.</summary>
    public static string? IcmpType(long type) => IcmpStrings.Types.GetValueOrDefault(type);

    /// <summary>ICMP code names for a type, from packet-icmp.c (<c>unreach_code_str</c>, <c>redir_code_str</c>, <c>ttl_code_str</c> …).</summary>
    public static string? IcmpCode(long type, long code) =>
        IcmpStrings.Codes.TryGetValue(type, out var codes) ? codes.GetValueOrDefault(code) : null;

    private sealed record Tables(
        string Source,
        FrozenDictionary<string, WiresharkField> Fields,
        FrozenDictionary<string, Dictionary<long, string>> Values,
        FrozenDictionary<string, (string, string)> TrueFalse);

    private static Tables Load()
    {
        var fields = new Dictionary<string, WiresharkField>(StringComparer.Ordinal);
        var values = new Dictionary<string, Dictionary<long, string>>(StringComparer.Ordinal);
        var trueFalse = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var source = "";
        var assembly = typeof(WiresharkLabels).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith('#'))
                {
                    source = line.TrimStart('#', ' ');
                    continue;
                }
                var parts = line.Split('\t');
                switch (parts[0])
                {
                    case "F" when parts.Length >= 6:
                        fields[parts[1]] = new WiresharkField(parts[1], parts[2], parts[3], parts[4], ParseMask(parts[5]));
                        break;
                    case "V" when parts.Length >= 4 && ParseValue(parts[2]) is { } value:
                        (values.TryGetValue(parts[1], out var map) ? map : values[parts[1]] = [])[value] = parts[3];
                        break;
                    case "T" when parts.Length >= 4:
                        trueFalse[parts[1]] = (parts[2], parts[3]);
                        break;
                }
            }
        }
        return new Tables(source, fields.ToFrozenDictionary(StringComparer.Ordinal), values.ToFrozenDictionary(StringComparer.Ordinal),
            trueFalse.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>A value as tshark -G values prints it: decimal, or hexadecimal (« 0x800 ») for hexadecimal fields.</summary>
    private static long? ParseValue(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal)
            ? long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex : null
            : long.TryParse(text, CultureInfo.InvariantCulture, out var dec) ? dec : null;

    private static ulong ParseMask(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) && ulong.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask) ? mask : 0;
}
