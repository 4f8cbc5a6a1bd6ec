using NetCourse.Dissection;
using Xunit.Abstractions;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// The details pane's lines (<see cref="WiresharkTree"/>) against tshark's own details tree on every capture of data/:
/// tshark -V's lines, read field by field from <c>tshark -T pdml</c> (each field's <c>showname</c> is its -V line, without
/// the brackets -V puts around computed fields), and in tshark's order: every line that matches one of tshark's must come
/// after the previous one's match (a TLS record's handshake messages, the IPv6 fragment header's fields …); and each whole
/// line, brackets included, against <c>tshark -V</c>'s own text.
/// </summary>
public class WiresharkLinesTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Labels_and_lines_agree_with_tshark_on_the_data_captures()
    {
        Requires.Tool("tshark", "tshark");
        int labels = 0, labelsEqual = 0, lines = 0, linesEqual = 0, ordered = 0, verbose = 0, verboseEqual = 0;
        var orderMisses = new List<(string Field, string Text)>();
        var labelMisses = new List<string>();
        var bracketMisses = new List<string>();
        var unlabelled = new SortedSet<string>(StringComparer.Ordinal);
        var lineMisses = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in TestPaths.Captures())
        {
            var (tshark, sequences) = Pdml(path);
            var printed = Verbose(path);
            var packets = CaptureFileDissector.Read(path).ToList();
            Assert.Equal(tshark.Count, packets.Count);
            Assert.Equal(tshark.Count, printed.Count);
            for (var i = 0; i < packets.Count; i++)
            {
                var shown = tshark[i];
                var sequence = sequences[i];
                var next = 0; // where the next matching line must be looked for in tshark's order
                foreach (var layer in packets[i].Layers)
                {
                    foreach (var line in WiresharkTree.Lines(layer, packets[i].Bytes.Span))
                    {
                        // A line that fell back to the field's name: the labels have no such field (a name tshark lacks).
                        if (line.Text.TrimStart('[').StartsWith(line.Field + ": ", StringComparison.Ordinal)) unlabelled.Add(line.Field);
                        if (!shown.TryGetValue(line.Field, out var theirs)) continue; // a field tshark hides (or does not show here)
                        verbose++;
                        if (printed[i].Contains(line.Text)) verboseEqual++;
                        labels++;
                        lines++;
                        if (theirs.Select(Label).Contains(Label(line.Text))) labelsEqual++;
                        else labelMisses.Add($"{Path.GetFileName(path)} #{i + 1} {line.Field}: « {line.Text} » vs « {theirs[0]} »");
                        // PDML leaves out the brackets -V puts around computed fields.
                        var text = line.Text.StartsWith('[') && line.Text.EndsWith(']') ? line.Text[1..^1] : line.Text;
                        if (theirs.Contains(text)) linesEqual++;
                        else lineMisses.TryAdd(line.Field, $"« {line.Text} » vs « {theirs[0]} »");
                        if (!theirs.Contains(text)) continue;
                        var at = sequence.FindIndex(next, l => l.Field == line.Field && l.Text == text);
                        if (at >= 0)
                        {
                            ordered++;
                            next = at + 1;
                        }
                        else
                        {
                            orderMisses.Add((line.Field, $"{Path.GetFileName(path)} #{i + 1}: « {line.Text} » comes before « {sequence[next - 1].Text} » in tshark -V"));
                        }
                        // Same text: then the brackets (computed or read from the packet) must be tshark -V's too.
                        if (!printed[i].Contains(line.Text))
                            bracketMisses.Add($"{Path.GetFileName(path)} #{i + 1} {line.Field}: « {line.Text} », tshark -V: « "
                                              + (printed[i].Contains($"[{text}]") ? $"[{text}]" : text) + " »");
                    }
                }
            }
        }
        output.WriteLine($"labels equal: {labelsEqual}/{labels}; whole lines equal: {linesEqual}/{lines}; equal lines in tshark's order: {ordered}/{linesEqual}; "
                         + $"tshark -V lines equal, brackets included: {verboseEqual}/{verbose} ({WiresharkLabels.Source})");
        foreach (var (field, miss) in lineMisses) output.WriteLine($"line differs, {field}: {miss}");
        Assert.True(labels > 1000, $"only {labels} labels compared");
        Assert.True(labelMisses.Count == 0, string.Join(Environment.NewLine, labelMisses.Take(20)));
        Assert.True(orderMisses.Count == 0, $"{orderMisses.Count} lines out of tshark's order, by field:\n"
            + string.Join(Environment.NewLine, orderMisses.GroupBy(m => m.Field).Select(g => $"{g.Key}: {g.Count()}, first {g.First().Text}")));
        Assert.True(unlabelled.Count == 0, "lines with no Wireshark label: " + string.Join(", ", unlabelled));
        Assert.True(bracketMisses.Count == 0, string.Join(Environment.NewLine, bracketMisses.Take(20)));
        // Some lines carry what only a full dissector knows (checksum verification, expert info, DS field names).
        Assert.True(linesEqual >= lines * 0.9, $"only {linesEqual}/{lines} whole lines equal:\n" + string.Join("\n", lineMisses.Select(m => $"{m.Key}: {m.Value}")));
    }

    [SkippableFact]
    public void Every_field_the_dissector_writes_is_one_tshark_knows()
    {
        Requires.Tool("tshark", "tshark");
        // tshark -G fields: one line per registered field, its name third (« F, label, name, type, … »).
        var known = Tshark("-G", "fields").Split('\n').Select(l => l.Split('\t')).Where(p => p.Length > 2 && p[0] == "F")
            .Select(p => p[2]).ToHashSet(StringComparer.Ordinal);
        Assert.True(known.Count > 10_000, $"tshark -G fields listed only {known.Count} fields");
        // _ws.* are tshark's own pseudo-fields (expert info, columns), not registered by a dissector.
        var unknown = FieldNames.All.Where(n => !n.StartsWith("_ws.", StringComparison.Ordinal) && !known.Contains(n)).ToList();
        Assert.True(unknown.Count == 0, "names tshark does not know (no filter, no -e, no label): " + string.Join(", ", unknown));
    }

    private static string Tshark(params string[] arguments) => TsharkProcess.Run(arguments);

    /// <summary>The label of a details line: without the bit pattern (« .1.. .... = »), the brackets and the value.</summary>
    private static string Label(string line)
    {
        var text = line.Trim('[', ']');
        var bits = text.IndexOf(" = ", StringComparison.Ordinal);
        if (bits > 0 && text[..bits].All(c => c is '0' or '1' or '.' or ' ')) text = text[(bits + 3)..];
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? text[..colon] : text;
    }

    /// <summary>For each packet, the lines <c>tshark -V</c> prints for it, indentation removed.</summary>
    private static List<HashSet<string>> Verbose(string path)
    {
        var text = TsharkProcess.Run("-n", "-V", "-r", path);
        var packets = new List<HashSet<string>>();
        foreach (var line in text.Split('\n'))
        {
            // Each packet's tree starts with its frame's title, flush left.
            if (System.Text.RegularExpressions.Regex.IsMatch(line, @"^Frame \d+: ")) packets.Add(new HashSet<string>(StringComparer.Ordinal));
            if (packets.Count > 0 && line.Trim().Length > 0) packets[^1].Add(line.Trim());
        }
        return packets;
    }

    /// <summary>For each packet, every field's -V lines by field name, and all its lines in tshark's order.</summary>
    private static (List<Dictionary<string, List<string>>> Fields, List<List<(string Field, string Text)>> Sequences) Pdml(string path)
    {
        var packets = new List<Dictionary<string, List<string>>>();
        var sequences = new List<List<(string Field, string Text)>>();
        foreach (var packet in TsharkProcess.PdmlPackets(path))
        {
            var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var sequence = new List<(string Field, string Text)>();
            foreach (var field in packet.Descendants("field"))
            {
                var name = (string?)field.Attribute("name");
                var shown = (string?)field.Attribute("showname");
                if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(shown) || (string?)field.Attribute("hide") == "yes") continue;
                (fields.TryGetValue(name, out var list) ? list : fields[name] = []).Add(shown);
                sequence.Add((name, shown));
            }
            packets.Add(fields);
            sequences.Add(sequence);
        }
        return (packets, sequences);
    }
}
