using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Sockets;

/// <summary>One request written by hand and the response read back.</summary>
/// <param name="Request">The request as sent.</param>
/// <param name="Response">The response as received (status line, headers, blank line, body).</param>
/// <param name="ConnectMilliseconds">Time to connect.</param>
/// <param name="TotalMilliseconds">Time until the server closed.</param>
public sealed record RawHttpExchange(string Request, string Response, double ConnectMilliseconds, double TotalMilliseconds) : IHtmlView
{
    /// <summary>The status code of the response (200, 404 …), or 0 when the status line is not HTTP.</summary>
    public int StatusCode
    {
        get
        {
            var parts = Response.Split('\n', 2)[0].Split(' ');
            return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : 0;
        }
    }

    /// <summary>The response's body (after the first blank line).</summary>
    public string Body
    {
        get
        {
            var i = Response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return i < 0 ? "" : Response[(i + 4)..];
        }
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        static string Show(string text) => HtmlText.Encode(text.Replace("\r\n", "⏎\n", StringComparison.Ordinal));
        var html = new StringBuilder();
        html.Append("<div style=\"display:flex;gap:12px;flex-wrap:wrap;font-family:sans-serif;font-size:13px\">");
        html.Append("<div style=\"flex:1;min-width:280px\"><b>Requête envoyée (→)</b><pre style=\"background:#eef5ff;padding:6px;white-space:pre-wrap\">")
            .Append(Show(Request)).Append("</pre></div>");
        html.Append("<div style=\"flex:1;min-width:280px\"><b>Réponse reçue (←)</b><pre style=\"background:#f3fff0;padding:6px;white-space:pre-wrap\">")
            .Append(Show(Response)).Append("</pre></div></div>");
        html.Append(string.Create(CultureInfo.InvariantCulture,
            $"<div style=\"font-family:sans-serif;font-size:12px;color:#555\">⏎ = fin de ligne \\r\\n · connexion {ConnectMilliseconds:0.00} ms · réponse complète {TotalMilliseconds:0.00} ms · statut {StatusCode}</div>"));
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Response;
}
