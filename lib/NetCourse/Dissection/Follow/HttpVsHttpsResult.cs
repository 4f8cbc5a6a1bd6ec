using System.Globalization;
using System.Text;
using NetCourse.Capture;
using NetCourse.Html;

namespace NetCourse.Dissection.Follow;

/// <summary>
/// What <see cref="HttpVsHttpsDemo.RunAsync"/> captured: the HTTP and the HTTPS conversations as Follow TCP Stream
/// shows them, side by side, with what an observer of the network can read in each.
/// </summary>
public sealed class HttpVsHttpsResult : IHtmlView
{
    private readonly string _captureBanner;

    internal HttpVsHttpsResult(string captureBanner, string form, IReadOnlyList<DissectedPacket> packets,
        FollowedStream? http, FollowedStream? https)
    {
        _captureBanner = captureBanner;
        Form = form;
        Packets = packets;
        HttpStream = http;
        HttpsStream = https;
    }

    /// <summary>The form that was sent (the recorded one when the capture is the recorded file).</summary>
    public string Form { get; }

    /// <summary>Every captured packet, dissected.</summary>
    public IReadOnlyList<DissectedPacket> Packets { get; }

    /// <summary>The HTTP conversation (null if the capture missed it).</summary>
    public FollowedStream? HttpStream { get; }

    /// <summary>The HTTPS conversation (null if the capture missed it).</summary>
    public FollowedStream? HttpsStream { get; }

    /// <summary>True when the form can be read in clear in the HTTP conversation.</summary>
    public bool FormReadableOverHttp => Contains(HttpStream, Form);

    /// <summary>True when the form can be read in clear in the HTTPS conversation (it should not).</summary>
    public bool FormReadableOverHttps => Contains(HttpsStream, Form);

    /// <summary>True when the server's name (the SNI of the TLS Client Hello) is readable in the HTTPS conversation.</summary>
    public bool ServerNameReadableOverHttps => Contains(HttpsStream, LoopbackCertificate.ServerName);

    /// <summary>
    /// The TLS handshake packets of the HTTPS conversation with the fields tshark names (<c>tls.handshake.type</c>,
    /// <c>tls.handshake.extensions_server_name</c>); empty when the dissector does not decode TLS.
    /// </summary>
    public IReadOnlyList<DissectedPacket> TlsHandshakePackets =>
        HttpsStream is null ? [] : Packets.Where(p => p.GetValue("tcp.stream")?.Integer == HttpsStream.Stream
                                                      && p.FieldText("tls.handshake.type").Length > 0).ToList();

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder(_captureBanner);
        html.Append("<table style=\"font-family:sans-serif;font-size:13px;margin:6px 0\">");
        Row(html, "Le formulaire se lit en clair dans la conversation HTTP", FormReadableOverHttp);
        Row(html, "Le formulaire se lit en clair dans la conversation HTTPS", FormReadableOverHttps);
        Row(html, $"Le nom du serveur ({LoopbackCertificate.ServerName}) se lit dans la conversation HTTPS", ServerNameReadableOverHttps);
        html.Append("</table>");
        html.Append("<div style=\"display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start\">");
        Column(html, "HTTP", HttpStream);
        Column(html, "HTTPS", HttpsStream);
        html.Append("</div>");
        var tls = TlsHandshakePackets;
        if (tls.Count > 0)
        {
            var rows = tls.Select(p => (IReadOnlyList<string>)
            [
                p.Number.ToString(CultureInfo.InvariantCulture),
                p.GetValue("tcp.srcport")?.Integer == HttpsStream!.Client.Port ? "client → serveur" : "serveur → client",
                p.FieldText("tls.handshake.type"),
                p.FieldText("tls.handshake.extensions_server_name"),
            ]).ToList();
            var table = new HtmlTable("La poignée de main TLS, décodée",
                ["No.", "Sens", "tls.handshake.type", "tls.handshake.extensions_server_name"], rows);
            html.Append(table.ToHtml());
        }
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"HTTP : formulaire lisible = {FormReadableOverHttp} ; HTTPS : formulaire lisible = {FormReadableOverHttps}, nom du serveur lisible = {ServerNameReadableOverHttps}";

    private static bool Contains(FollowedStream? stream, string text) =>
        stream is not null && stream.ClientBytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static void Row(StringBuilder html, string what, bool yes) =>
        html.Append("<tr><td style=\"text-align:left\">").Append(HtmlText.Encode(what)).Append("</td><td style=\"text-align:left\"><b>")
            .Append(yes ? "oui" : "non").Append("</b></td></tr>");

    private static void Column(StringBuilder html, string title, FollowedStream? stream)
    {
        html.Append("<div style=\"flex:1 1 380px;min-width:0\"><h4 style=\"margin:4px 0;font-family:sans-serif\">");
        html.Append(HtmlText.Encode(title));
        if (stream is not null)
            html.Append(CultureInfo.InvariantCulture, $" — port {stream.Server.Port}");
        html.Append("</h4>");
        html.Append(stream is null
            ? "<div style=\"font-family:sans-serif\">(conversation absente de la capture)</div>"
            : new FollowStreamView(stream, 4096).ToHtml());
        html.Append("</div>");
    }
}
