using System.Globalization;
using System.Text;
using NetCourse.Dissection;

namespace NetCourse.Course;

/// <summary>
/// The chapter's exercise: for each field, which layer holds it. The expected layer is not written anywhere: it is
/// read from the dissected packet (the layer whose details-pane entry holds the field).
/// </summary>
public static class LayerQuiz
{
    /// <summary>The layer of <paramref name="packet"/> whose entry holds <paramref name="field"/>, or null when absent.</summary>
    public static LayerKind? LayerOf(DissectedPacket packet, string field)
    {
        ArgumentNullException.ThrowIfNull(packet);
        foreach (var layer in packet.Layers)
            if (layer.Fields.Any(f => f.Name == field)) return layer.Kind;
        return null;
    }

    /// <summary>The fields the chapter asks about, one per entry of the details pane.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["eth.dst", "ip.ttl", "tcp.dstport", "frame.len"];

    /// <summary>
    /// Reads a French answer: « liaison », « réseau », « transport », « application », « média » (also « trame »,
    /// « paquet », « segment », « datagramme », « données », « métadonnées », the OSI numbers 2, 3, 4, 7, and English
    /// names). « physique » is not the Frame line: Wireshark never sees the physical layer's bits.
    /// </summary>
    public static LayerKind? ParseAnswer(string? answer)
    {
        var a = RemoveAccents((answer ?? "").Trim().ToLowerInvariant());
        if (a.StartsWith("couche ", StringComparison.Ordinal)) a = a[7..].Trim();
        return a switch
        {
            "media" or "media de capture" or "capture" or "frame" or "metadonnees" or "metadonnees de capture" or "metadonnees de la capture" => LayerKind.Frame,
            "liaison" or "liaison de donnees" or "trame" or "link" or "2" or "ethernet" or "acces reseau" => LayerKind.Link,
            "reseau" or "paquet" or "network" or "internet" or "3" or "ip" => LayerKind.Network,
            "transport" or "segment" or "datagramme" or "4" => LayerKind.Transport,
            "application" or "donnees" or "donnees de l'application" or "7" => LayerKind.Application,
            _ => null,
        };
    }

    /// <summary>Checks every answer against the packet; passed only when every field of <see cref="Fields"/> is answered right. Never throws.</summary>
    public static (bool Passed, string Feedback) Check(DissectedPacket packet, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(answers);
        var feedback = new StringBuilder();
        var right = 0;
        foreach (var (field, answer) in answers)
        {
            var expected = LayerOf(packet, field);
            var given = ParseAnswer(answer);
            if (expected is null) feedback.Append(CultureInfo.InvariantCulture, $"{field} : ce champ n'est pas dans ce paquet. ");
            else if (IsPhysical(answer)) feedback.Append(CultureInfo.InvariantCulture, $"{field} : ✘ la couche physique transporte des bits que Wireshark ne voit pas ; la ligne Frame, ce sont les métadonnées de la capture (média). ");
            else if (given is null) feedback.Append(CultureInfo.InvariantCulture, $"{field} : « {answer} » n'est pas un nom de couche (liaison, réseau, transport, application, média). ");
            else if (given == expected) { right++; feedback.Append(CultureInfo.InvariantCulture, $"{field} : ✔ {Word(expected.Value)}. "); }
            else feedback.Append(CultureInfo.InvariantCulture, $"{field} : ✘ pas {Word(given.Value)}. ");
        }
        var missing = Fields.Where(f => !answers.ContainsKey(f)).ToList();
        if (missing.Count > 0) feedback.Append(CultureInfo.InvariantCulture, $"Il manque une réponse pour : {string.Join(", ", missing)}. ");
        // Every asked field must be there and right: deleting the hard answers does not pass.
        var passed = missing.Count == 0 && right == answers.Count;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{right} bonne(s) réponse(s) sur {answers.Count}. ") + feedback.ToString().Trim();
        return (passed, summary);
    }

    /// <summary>The French word for a layer, as <see cref="ParseAnswer"/> reads it.</summary>
    public static string Word(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "média",
        LayerKind.Link => "liaison",
        LayerKind.Network => "réseau",
        LayerKind.Transport => "transport",
        _ => "application",
    };

    private static bool IsPhysical(string? answer) =>
        RemoveAccents((answer ?? "").Trim().ToLowerInvariant()) is "physique" or "1" or "couche physique" or "couche 1";

    private static string RemoveAccents(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(d.Length);
        foreach (var c in d)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) b.Append(c);
        return b.ToString().Normalize(NormalizationForm.FormC).Replace('’', '\'');
    }
}
