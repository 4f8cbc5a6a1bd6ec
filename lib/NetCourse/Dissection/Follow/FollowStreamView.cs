using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection.Follow;

/// <summary>
/// Wireshark's Follow TCP Stream window for the notebook: the whole conversation as text, what the client sent in
/// red and what the server sent in blue (Wireshark's default colours), non-printable bytes as dots, with a short
/// French legend. Long conversations are cut after <see cref="MaxBytes"/> bytes, with the count of what is hidden.
/// </summary>
public sealed class FollowStreamView : IHtmlView
{
    /// <summary>Wireshark's "sent by client" colours (foreground, background).</summary>
    public const string ClientColors = "color:#7f0000;background:#fbeded";

    /// <summary>Wireshark's "sent by server" colours (foreground, background).</summary>
    public const string ServerColors = "color:#00007f;background:#ededfb";

    /// <summary>Shows <paramref name="stream"/>, at most <paramref name="maxBytes"/> bytes of it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public FollowStreamView(FollowedStream stream, int maxBytes = 16 * 1024)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        Stream = stream;
        MaxBytes = maxBytes;
    }

    /// <summary>The conversation shown.</summary>
    public FollowedStream Stream { get; }

    /// <summary>How many bytes are shown at most (the rest is counted, not shown).</summary>
    public int MaxBytes { get; }

    /// <inheritdoc />
    public string ToHtml()
    {
        var s = Stream;
        long toServer = s.ClientBytes.Length, toClient = s.ServerBytes.Length;
        var html = new StringBuilder();
        html.Append("<div style=\"font-family:sans-serif;font-size:13px;max-width:100%\">");
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"margin:2px 0\"><b>Suivre le flux TCP</b> (tcp.stream eq {s.Stream}) — ");
        html.Append(CultureInfo.InvariantCulture, $"{s.PacketCount} paquets, {toServer + toClient} octets de données</div>");
        html.Append("<div style=\"margin:2px 0\">");
        html.Append(CultureInfo.InvariantCulture, $"<span style=\"{ClientColors};padding:0 4px\">client {HtmlText.Encode(s.Client.ToString())} → serveur : {toServer} octets</span> ");
        html.Append(CultureInfo.InvariantCulture, $"<span style=\"{ServerColors};padding:0 4px\">serveur {HtmlText.Encode(s.Server.ToString())} → client : {toClient} octets</span>");
        html.Append("</div>");
        html.Append("<pre style=\"white-space:pre-wrap;word-break:break-all;max-height:28em;overflow:auto;border:1px solid #ccc;");
        html.Append("padding:4px;margin:4px 0;font-size:12px;background:#fff\">");
        var shown = 0;
        long hidden = 0;
        foreach (var chunk in s.Chunks)
        {
            var room = Math.Max(0, MaxBytes - shown);
            var take = Math.Min(room, chunk.Data.Length);
            hidden += chunk.Data.Length - take;
            if (take == 0)
                continue;
            shown += take;
            html.Append("<span style=\"").Append(chunk.FromServer ? ServerColors : ClientColors).Append("\">");
            html.Append(HtmlText.Encode(Printable(chunk.Data.AsSpan(0, take))));
            html.Append("</span>");
        }
        if (s.Chunks.Count == 0)
            html.Append("<i>(aucune donnée : seulement l'ouverture et la fermeture de la connexion)</i>");
        html.Append("</pre>");
        if (hidden > 0)
            html.Append(CultureInfo.InvariantCulture, $"<div style=\"color:#555\">… {hidden} octets de plus, non affichés (limite : {MaxBytes} octets).</div>");
        html.Append("<div style=\"color:#555\">En rouge, ce que le client a envoyé ; en bleu, ce que le serveur a répondu, dans l'ordre ");
        html.Append("des numéros de séquence TCP (retransmissions et doublons retirés), comme « Suivre › Flux TCP » dans Wireshark. ");
        html.Append("Un octet qui n'est pas un caractère imprimable s'affiche comme un point.</div>");
        html.Append("</div>");
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Stream.ToString();

    /// <summary>Printable ASCII and line breaks as they are (CR dropped before LF), every other byte as '.'.</summary>
    private static string Printable(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(data.Length);
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (b == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
                continue;
            text.Append(b is (byte)'\n' or (byte)'\t' || (b >= 0x20 && b < 0x7f) ? (char)b : '.');
        }
        return text.ToString();
    }
}
