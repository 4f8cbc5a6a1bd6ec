using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// The Internet checksum (RFC 1071) of some bytes, step by step: the 16-bit words, their sum, the carries folded back
/// in, and the one's complement that goes into the header.
/// </summary>
public sealed class ChecksumExplanation : IHtmlView
{
    internal ChecksumExplanation(string title, byte[] data, ushort found)
    {
        Title = title;
        Words = Enumerable.Range(0, (data.Length + 1) / 2)
            .Select(i => (ushort)((data[2 * i] << 8) | (2 * i + 1 < data.Length ? data[2 * i + 1] : 0))).ToArray();
        Sum = Words.Aggregate(0u, (s, w) => s + w);
        var folded = Sum;
        while (folded > 0xffff) folded = (folded & 0xffff) + (folded >> 16);
        Folded = (ushort)folded;
        Checksum = (ushort)~Folded;
        Found = found;
    }

    /// <summary>What was summed (for example "en-tête IPv4").</summary>
    public string Title { get; }

    /// <summary>The 16-bit words, big-endian (an odd last byte is padded with a zero).</summary>
    public IReadOnlyList<ushort> Words { get; }

    /// <summary>The plain sum of the words, carries included.</summary>
    public uint Sum { get; }

    /// <summary>The sum with its carries folded back into 16 bits.</summary>
    public ushort Folded { get; }

    /// <summary>The checksum: the one's complement of <see cref="Folded"/>.</summary>
    public ushort Checksum { get; }

    /// <summary>The value the header actually holds.</summary>
    public ushort Found { get; }

    /// <summary>True when the header holds the value computed here.</summary>
    public bool Matches => Found == Checksum;

    /// <inheritdoc />
    public string ToHtml()
    {
        static string H(uint v, int digits = 4) => "0x" + v.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append("<div style=\"font-family:sans-serif;font-size:13px\"><b>Somme de contrôle — ").Append(HtmlText.Encode(Title)).Append("</b>");
        html.Append("<div style=\"font-family:monospace;margin:4px 0\">mots de 16 bits (le champ somme de contrôle compté à 0) : ");
        html.Append(string.Join(" + ", Words.Select(w => w.ToString("x4", CultureInfo.InvariantCulture)))).Append("</div>");
        html.Append("<ol style=\"margin:2px 0\">");
        html.Append("<li>somme : <code>").Append(H(Sum, 5)).Append("</code></li>");
        html.Append("<li>retenues réinjectées (").Append(H(Sum >> 16, 1)).Append(" + ").Append(H(Sum & 0xffff)).Append(") : <code>").Append(H(Folded)).Append("</code></li>");
        html.Append("<li>complément à un (on inverse chaque bit) : <code>").Append(H(Checksum)).Append("</code></li>");
        html.Append("</ol>");
        html.Append(Matches
            ? $"<div style=\"color:#1a7f37\">✔ L'en-tête contient bien {H(Found)}.</div>"
            : $"<div style=\"color:#b3261e\">✘ L'en-tête contient {H(Found)}, pas {H(Checksum)} : le récepteur jetterait ce paquet.</div>");
        html.Append("</div>");
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Title} : 0x{Checksum:x4} (en-tête : 0x{Found:x4})";
}
