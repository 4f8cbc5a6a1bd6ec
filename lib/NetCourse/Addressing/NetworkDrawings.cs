using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>SVG drawings of networks for chapter 1: a LAN (one server, several clients) and this machine's interfaces.</summary>
public static class NetworkDrawings
{
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A LAN: one server and <paramref name="clients"/> clients (1–8) linked by a switch; wireless clients are dashed.</summary>
    /// <param name="clients">How many clients (1–8).</param>
    /// <param name="wireless">How many of them are wireless (through a Wi-Fi access point).</param>
    public static SvgDrawing Lan(int clients = 4, int wireless = 1)
    {
        clients = Math.Clamp(clients, 1, 8);
        wireless = Math.Clamp(wireless, 0, clients);
        const double Width = 760, Height = 340;
        var svg = Open(Width, Height, "Un réseau local (LAN) : un serveur, plusieurs clients");
        // The switch in the middle, the server above it.
        svg.Append(Box(Width / 2 - 60, 30, 120, 44, "#dbeafe", "#1d4ed8", "serveur", "partage ses ressources"));
        svg.Append(Line(Width / 2, 74, Width / 2, 140, false));
        svg.Append(Box(Width / 2 - 70, 140, 140, 36, "#f3f4f6", "#374151", "commutateur (switch)", ""));
        if (wireless > 0)
        {
            svg.Append(Line(Width / 2 + 70, 158, Width - 120, 158, false));
            svg.Append(Box(Width - 120, 140, 100, 36, "#fef3c7", "#b45309", "borne Wi-Fi", ""));
        }
        var step = Width / (clients + 1);
        for (var i = 0; i < clients; i++)
        {
            var x = step * (i + 1);
            var isWireless = i >= clients - wireless;
            if (isWireless)
                svg.Append(Line(Width - 70, 176, x, 262, true));
            else
                svg.Append(Line(Width / 2, 176, x, 262, false));
            svg.Append(Box(x - 42, 262, 84, 40, isWireless ? "#fef3c7" : "#dcfce7", isWireless ? "#b45309" : "#15803d",
                $"client {i + 1}", isWireless ? "sans fil" : "filaire"));
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{F(Height - 10)}\" font-size=\"12\" fill=\"#555\">Trait plein : câble (filaire). Pointillés : ondes radio (sans fil). Les clients envoient leurs requêtes au serveur.</text>");
        svg.Append("</svg>");
        return new SvgDrawing("Un réseau local", svg.ToString());
    }

    /// <summary>This machine and its interfaces: the loopback loops back into the machine, the others lead out to a network.</summary>
    public static SvgDrawing Interfaces(IReadOnlyList<InterfaceInfo>? interfaces = null)
    {
        var list = (interfaces ?? MachineInterfaces.List()).Take(10).ToArray();
        var rowHeight = 58.0;
        var height = Math.Max(200, 40 + list.Length * rowHeight);
        const double Width = 780;
        var svg = Open(Width, height, "Les interfaces réseau de cette machine");
        var machineTop = 20.0;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"20\" y=\"{F(machineTop)}\" width=\"170\" height=\"{F(height - 40)}\" rx=\"10\" fill=\"#eef2ff\" stroke=\"#4338ca\" stroke-width=\"2\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"105\" y=\"{F(machineTop + 24)}\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"#312e81\">cette machine</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"105\" y=\"{F(machineTop + 42)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">{HtmlText.Encode(Environment.MachineName)}</text>");
        for (var i = 0; i < list.Length; i++)
        {
            var nic = list[i];
            var y = 40 + i * rowHeight + 20;
            var up = nic.State == "active";
            var color = nic.IsLoopback ? "#7c3aed" : up ? "#15803d" : "#9ca3af";
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"190\" cy=\"{F(y)}\" r=\"7\" fill=\"{color}\"/>");
            var first = nic.Addresses.Count > 0 ? nic.Addresses[0] : "pas d'adresse";
            if (nic.IsLoopback)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M197 {F(y)} C 300 {F(y - 30)}, 300 {F(y + 30)}, 197 {F(y + 6)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" marker-end=\"url(#nc-arrow)\"/>");
                svg.Append(Label(310, y, $"{nic.Name} — boucle locale ({first})", "ce qui part par ici revient aussitôt dans la machine, sans câble"));
            }
            else
            {
                var wireless = nic.Kind.Contains("sans fil", StringComparison.Ordinal);
                svg.Append(Line(197, y, 300, y, wireless || !up));
                svg.Append(CultureInfo.InvariantCulture, $"<ellipse cx=\"330\" cy=\"{F(y)}\" rx=\"30\" ry=\"14\" fill=\"#f9fafb\" stroke=\"{color}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"330\" y=\"{F(y + 4)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">réseau</text>");
                svg.Append(Label(370, y, $"{nic.Name} — {nic.Kind}, {nic.State}", $"{first}{(nic.Mac.Length > 0 ? "   MAC " + nic.Mac : "")}"));
            }
        }
        svg.Append("<defs><marker id=\"nc-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#7c3aed\"/></marker></defs>");
        svg.Append("</svg>");
        return new SvgDrawing("Les interfaces de cette machine", svg.ToString());
    }

    internal static StringBuilder Open(double width, double height, string title) =>
        new($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" font-family=\"sans-serif\" role=\"img\"><title>{HtmlText.Encode(title)}</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");

    private static string Box(double x, double y, double w, double h, string fill, string stroke, string title, string subtitle) =>
        $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>" +
        $"<text x=\"{F(x + w / 2)}\" y=\"{F(y + (subtitle.Length > 0 ? h / 2 - 2 : h / 2 + 4))}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#111\">{HtmlText.Encode(title)}</text>" +
        (subtitle.Length > 0 ? $"<text x=\"{F(x + w / 2)}\" y=\"{F(y + h / 2 + 13)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">{HtmlText.Encode(subtitle)}</text>" : "");

    private static string Line(double x1, double y1, double x2, double y2, bool dashed) =>
        $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"#374151\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>";

    private static string Label(double x, double y, string title, string detail) =>
        $"<text x=\"{F(x)}\" y=\"{F(y - 3)}\" font-size=\"13\" font-weight=\"bold\" fill=\"#111\">{HtmlText.Encode(title)}</text>" +
        $"<text x=\"{F(x)}\" y=\"{F(y + 13)}\" font-size=\"11\" fill=\"#555\">{HtmlText.Encode(detail)}</text>";
}
