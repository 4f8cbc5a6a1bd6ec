using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>The verdict on a student's display filter: what it kept, what it kept wrongly, what it missed.</summary>
/// <param name="Filter">The filter as written.</param>
/// <param name="Target">What it had to select.</param>
/// <param name="Total">How many packets it was applied to.</param>
/// <param name="Error">Why the filter cannot be read or was not written (French), or null.</param>
/// <param name="Kept">The packets the filter keeps.</param>
/// <param name="WronglyKept">Packets kept that should not be.</param>
/// <param name="Missed">Packets that should be kept and are not (every wanted packet when the filter cannot be read).</param>
public sealed record DisplayFilterCheckReport(string Filter, FilterTarget Target, int Total, string? Error,
    IReadOnlyList<DissectedPacket> Kept, IReadOnlyList<DissectedPacket> WronglyKept, IReadOnlyList<DissectedPacket> Missed) : IHtmlView
{
    /// <summary>True when the filter reads and keeps exactly the wanted packets (and at least one).</summary>
    public bool Passed => Error is null && WronglyKept.Count == 0 && Missed.Count == 0 && Kept.Count > 0;

    /// <summary>French feedback naming the packets kept wrongly and missed (number and Info line).</summary>
    public string Feedback
    {
        get
        {
            if (Error is not null) return $"Le filtre « {Filter} » ne se lit pas : {Error}";
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"« {Filter} » garde {Kept.Count} paquet(s) sur {Total}"));
            if (Passed) return text.Append(CultureInfo.InvariantCulture, $" : exactement {Target.Description} (n° {Numbers(Kept)}).").ToString();
            text.Append('.');
            if (WronglyKept.Count > 0) text.Append(" Gardés à tort : ").Append(Describe(WronglyKept)).Append('.');
            if (Missed.Count > 0) text.Append(" Oubliés : ").Append(Describe(Missed)).Append('.');
            if (Kept.Count == 0 && Missed.Count == 0) text.Append(" Il n'y a rien à garder dans ces paquets.");
            return text.Append(CultureInfo.InvariantCulture, $" Il fallait {Target.Description}.").ToString();
        }
    }

    private static string Numbers(IEnumerable<DissectedPacket> packets) => string.Join(", ", packets.Select(p => p.Number));

    private static string Describe(IReadOnlyList<DissectedPacket> packets) =>
        string.Join(" ; ", packets.Take(6).Select(p => $"n° {p.Number} ({p.Info})")) + (packets.Count > 6 ? $" ; et {packets.Count - 6} autre(s)" : "");

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:13px\">");
        html.Append("<p style=\"color:").Append(Passed ? "#2e7d32" : "#c62828").Append("\">").Append(HtmlText.Encode(Feedback)).Append("</p>");
        var rows = WronglyKept.Select(p => Row("gardé à tort", p)).Concat(Missed.Select(p => Row("oublié", p))).ToArray();
        if (rows.Length > 0 && Error is null)
            html.Append(new HtmlTable("Les paquets en cause", ["", "n°", "source → destination", "protocole", "info"], rows).ToHtml());
        return html.Append("</div>").ToString();

        static IReadOnlyList<string> Row(string what, DissectedPacket p) =>
            [what, p.Number.ToString(CultureInfo.InvariantCulture), $"{p.Source} → {p.Destination}", p.Protocol, p.Info];
    }

    /// <inheritdoc />
    public override string ToString() => Feedback;
}
