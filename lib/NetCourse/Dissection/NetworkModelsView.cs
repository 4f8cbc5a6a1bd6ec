using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// The OSI model (7 layers) and the TCP/IP model side by side, with the unit of data at each layer, example
/// protocols, and the entry of Wireshark's details pane that shows it.
/// </summary>
public sealed class NetworkModelsView : IHtmlView
{
    /// <summary>The rows: OSI number and name, the TCP/IP layer (null when merged with the row above), unit, protocols, Wireshark entry, layer.</summary>
    public static IReadOnlyList<(int Osi, string OsiName, string? TcpIp, int TcpIpRows, string Unit, string Protocols, string Wireshark, LayerKind Kind)> Rows { get; } =
    [
        (7, "Application", "Application", 3, "données", "HTTP, DNS, SSH, SMTP", "Hypertext Transfer Protocol, Domain Name System, Data", LayerKind.Application),
        (6, "Présentation", null, 0, "données", "TLS (chiffrement), encodages", "(dans l'entrée Application)", LayerKind.Application),
        (5, "Session", null, 0, "données", "ouverture et reprise de sessions", "(dans l'entrée Application)", LayerKind.Application),
        (4, "Transport", "Transport", 1, "segment (TCP) / datagramme (UDP)", "TCP, UDP", "Transmission Control Protocol, User Datagram Protocol", LayerKind.Transport),
        (3, "Réseau", "Internet", 1, "paquet", "IPv4, IPv6, ICMP", "Internet Protocol Version 4 / 6", LayerKind.Network),
        (2, "Liaison de données", "Accès réseau", 2, "trame", "Ethernet, Wi-Fi, ARP, PPP", "Ethernet II", LayerKind.Link),
        (1, "Physique", null, 0, "bits", "câble, ondes, fibre", "aucune : les bits du câble ne sont pas capturés (la ligne Frame n'est pas une couche, voir plus bas)", LayerKind.Frame),
    ];

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<style>table.nc-left td, table.nc-left th { text-align: left; }</style>");
        html.Append("<table class=\"nc-left\" style=\"border-collapse:collapse;font-family:sans-serif;font-size:13px\">");
        html.Append("<tr><th colspan=\"2\" style=\"text-align:left\">Modèle OSI</th><th style=\"text-align:left\">Modèle TCP/IP</th><th style=\"text-align:left\">Unité de données</th><th style=\"text-align:left\">Protocoles</th><th style=\"text-align:left\">Entrée de Wireshark</th></tr>");
        foreach (var r in Rows)
        {
            var bg = LayerPalette.Color(r.Kind);
            html.Append("<tr style=\"border-top:1px solid #999\">");
            html.Append("<td style=\"text-align:left;background:").Append(bg).Append(";text-align:center\">").Append(r.Osi).Append("</td>");
            html.Append("<td style=\"text-align:left;background:").Append(bg).Append("\">").Append(HtmlText.Encode(r.OsiName)).Append("</td>");
            if (r.TcpIp is not null)
                html.Append("<td rowspan=\"").Append(r.TcpIpRows).Append("\" style=\"background:").Append(bg)
                    .Append(";text-align:center;font-weight:bold;border:1px solid #999\">").Append(HtmlText.Encode(r.TcpIp)).Append("</td>");
            html.Append("<td style=\"text-align:left\">").Append(HtmlText.Encode(r.Unit)).Append("</td><td style=\"text-align:left\">").Append(HtmlText.Encode(r.Protocols)).Append("</td><td style=\"text-align:left\">")
                .Append(HtmlText.Encode(r.Wireshark)).Append("</td></tr>");
        }
        html.Append("</table>");
        html.Append("<p style=\"font-family:sans-serif;font-size:12px;color:#444\">La ligne <b>Frame</b> de Wireshark n'appartient à aucun modèle : ")
            .Append("ce sont les métadonnées de la capture (numéro, date, longueur sur le fil, longueur capturée, interface), écrites par l'outil ")
            .Append("qui a capturé. Aucun octet du paquet ne la porte.</p>");
        return html.ToString();
    }
}
