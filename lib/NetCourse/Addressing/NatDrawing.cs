using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>
/// Network address translation (NAT) drawn for chapter 3: a home PC with a private address, the box that rewrites the
/// source address to its public one on the way out (and back on the way in), and a web server. The addresses are
/// text only (documentation ranges, RFC 5737), never contacted.
/// </summary>
public static class NatDrawing
{
    /// <summary>The home PC's private address (what the UDP trick returns on that PC).</summary>
    public const string HomePc = "192.168.1.20";

    /// <summary>The box's address on the home side.</summary>
    public const string BoxLan = "192.168.1.1";

    /// <summary>The box's public address (TEST-NET-3, RFC 5737).</summary>
    public const string BoxPublic = "203.0.113.5";

    /// <summary>The web server's address (TEST-NET-2, RFC 5737).</summary>
    public const string WebServer = "198.51.100.80";

    /// <summary>The drawing: the request going out (source rewritten) and the answer coming back (destination rewritten).</summary>
    public static SvgDrawing Draw()
    {
        const int Width = 860, Height = 330;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" role=\"img\">")
            .Append("<title>NAT : la box remplace l'adresse privée par son adresse publique</title>")
            .Append("<defs><marker id=\"nc-nat-arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"#374151\"/></marker></defs>")
            // The home network, the box on its border, the Internet, the server.
            .Append("<rect x=\"10\" y=\"30\" width=\"330\" height=\"250\" rx=\"12\" fill=\"#f0fdf4\" stroke=\"#15803d\" stroke-dasharray=\"6 4\"/>")
            .Append("<text x=\"20\" y=\"50\" font-size=\"13\" fill=\"#15803d\" font-weight=\"bold\">la maison : adresses privées</text>")
            .Append("<rect x=\"500\" y=\"30\" width=\"350\" height=\"250\" rx=\"12\" fill=\"#eff6ff\" stroke=\"#1d4ed8\" stroke-dasharray=\"6 4\"/>")
            .Append("<text x=\"840\" y=\"50\" font-size=\"13\" fill=\"#1d4ed8\" font-weight=\"bold\" text-anchor=\"end\">Internet : adresses publiques</text>")
            .Append(Node(40, 120, "PC", HomePc, "#dcfce7", "#15803d"))
            .Append(Node(345, 100, "box (NAT)", $"{BoxLan} | {BoxPublic}", "#fef3c7", "#b45309", 150, 80))
            .Append(Node(700, 120, "serveur web", WebServer, "#dbeafe", "#1d4ed8"))
            .Append(Arrow(150, 135, 345, 135)).Append(Arrow(495, 135, 700, 135))
            .Append(Arrow(700, 165, 495, 165)).Append(Arrow(345, 165, 150, 165))
            .Append(Packet(160, 70, $"source {HomePc}:50000", $"dest. {WebServer}:80"))
            .Append(Packet(505, 70, $"source {BoxPublic}:62001", $"dest. {WebServer}:80"))
            .Append(Packet(505, 190, $"source {WebServer}:80", $"dest. {BoxPublic}:62001"))
            .Append(Packet(160, 190, $"source {WebServer}:80", $"dest. {HomePc}:50000"))
            .Append(CultureInfo.InvariantCulture, $"<text x=\"420\" y=\"205\" font-size=\"11\" text-anchor=\"middle\" fill=\"#92400e\">table NAT :</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"420\" y=\"220\" font-size=\"11\" text-anchor=\"middle\" fill=\"#92400e\">{HomePc}:50000 ↔ :62001</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{Height - 20}\" font-size=\"12\" fill=\"#555\">À l'aller, la box remplace la source privée par son adresse publique ; au retour, elle remet l'adresse du PC. L'astuce UDP, lancée sur le PC, lit {HomePc} : l'adresse d'avant la box.</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{Height - 4}\" font-size=\"11\" fill=\"#888\">Adresses de documentation (RFC 5737), dessinées seulement : aucune n'est contactée.</text>")
            .Append("</svg>");
        return new SvgDrawing("NAT : adresse privée, adresse publique", svg.ToString());
    }

    private static string Node(int x, int y, string name, string address, string fill, string stroke, int w = 110, int h = 60) =>
        $"<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>"
        + $"<text x=\"{x + w / 2}\" y=\"{y + 24}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{HtmlText.Encode(name)}</text>"
        + $"<text x=\"{x + w / 2}\" y=\"{y + 42}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{HtmlText.Encode(address)}</text>";

    private static string Arrow(int x1, int y1, int x2, int y2) =>
        $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"#374151\" stroke-width=\"2\" marker-end=\"url(#nc-nat-arrow)\"/>";

    private static string Packet(int x, int y, string source, string destination) =>
        $"<rect x=\"{x}\" y=\"{y}\" width=\"178\" height=\"36\" rx=\"4\" fill=\"#fff\" stroke=\"#9ca3af\"/>"
        + $"<text x=\"{x + 6}\" y=\"{y + 15}\" font-size=\"11\" fill=\"#b91c1c\">{HtmlText.Encode(source)}</text>"
        + $"<text x=\"{x + 6}\" y=\"{y + 30}\" font-size=\"11\" fill=\"#333\">{HtmlText.Encode(destination)}</text>";
}
