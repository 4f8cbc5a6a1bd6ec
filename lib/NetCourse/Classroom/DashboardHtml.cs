using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Classroom;

/// <summary>
/// The dashboard's HTML, in French, offline (no external resource). Every name and message goes through
/// <see cref="HtmlText.Encode"/>: students' text is never markup. The page refreshes by fetching <c>/tableau</c> (the same
/// fragment, escaped by the server) every second from a script file, so the page needs no inline script and its
/// Content-Security-Policy can forbid every other script.
/// </summary>
internal static class DashboardHtml
{
    private const int MessagesShown = 100;

    private const string Style = """
        <style>
        .nc-classe{font-family:system-ui,sans-serif;font-size:15px;color:#1b1b1b}
        .nc-classe table{border-collapse:collapse;margin:4px 0 12px}
        .nc-classe th,.nc-classe td{border:1px solid #c9d3e0;padding:3px 8px;text-align:left;vertical-align:top}
        .nc-classe th{background:#eef4fb}
        .nc-classe .nc-notice{color:#666;font-style:italic}
        .nc-classe .nc-garde{color:#555;font-size:13px}
        .nc-classe ol{list-style:none;padding:0;margin:0;max-height:420px;overflow:auto}
        .nc-classe li{padding:2px 0;border-bottom:1px solid #eee;overflow-wrap:anywhere}
        .nc-classe time{color:#888;font-size:12px;margin-right:6px}
        </style>
        """;

    public const string Script = """
        (function () {
          var box = document.getElementById('tableau');
          var state = document.getElementById('etat');
          function refresh() {
            fetch('tableau', { cache: 'no-store' })
              .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
              .then(function (html) {
                box.innerHTML = html;
                state.textContent = 'à jour à ' + new Date().toLocaleTimeString('fr-FR');
              })
              .catch(function () { state.textContent = 'serveur injoignable, nouvel essai dans une seconde'; });
          }
          setInterval(refresh, 1000);
          refresh();
        })();
        """;

    /// <summary>
    /// The page's icon, named in its head: without one a browser asks for /favicon.ico, gets a 404 and logs an error
    /// at every visit.
    /// </summary>
    public const string Icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f3b63"/><text x="8" y="12" font-size="10" font-family="sans-serif" text-anchor="middle" fill="#fff">N</text></svg>
        """;

    public static string Page(ClassroomSnapshot snapshot, string chatAddress) =>
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Classe NetCourse — tableau de bord</title>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"icone.svg\" type=\"image/svg+xml\"></head>"
        + "<body style=\"max-width:1100px;margin:1em auto;padding:0 1em;font-family:system-ui,sans-serif\">"
        + "<h1>Classe NetCourse — tableau de bord</h1>"
        + $"<p>Les élèves se connectent à <b>{HtmlText.Encode(chatAddress)}</b> (<code>nc {HtmlText.Encode(chatAddress.Replace(':', ' '))}</code>, "
        + "ou depuis les chapitres 2 et 5). Cette page est en lecture seule et se met à jour toute seule. "
        + "<span id=\"etat\" style=\"color:#666\"></span></p>"
        + $"<div id=\"tableau\">{Fragment(snapshot)}</div><script src=\"tableau.js\"></script></body></html>";

    public static string Fragment(ClassroomSnapshot s)
    {
        var html = new StringBuilder(Style).Append("<div class=\"nc-classe\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<p><b>{s.Students.Count}</b> élève(s) connecté(s) · <b>{s.MessagesRelayed}</b> message(s) · "
            + $"{s.StudentsSeen} élève(s) depuis l'ouverture à {s.OpenedAt:HH:mm:ss}</p>");
        html.Append("<h2>Connectés</h2>");
        var chapters = s.Students.SelectMany(t => t.Progress).Select(p => p.Chapter).Distinct().Order().ToArray();
        if (s.Students.Count == 0)
        {
            html.Append("<p class=\"nc-notice\">Personne pour l'instant.</p>");
        }
        else
        {
            html.Append("<table class=\"nc-eleves\"><tr><th>Nom</th><th>Adresse</th><th>Depuis</th><th>Messages</th>");
            foreach (var c in chapters) html.Append(CultureInfo.InvariantCulture, $"<th>Chapitre {c}</th>");
            html.Append("</tr>");
            foreach (var t in s.Students)
            {
                var minutes = (int)Math.Max(0, (s.Taken - t.Since).TotalMinutes);
                html.Append("<tr><td class=\"nc-nom\">").Append(HtmlText.Encode(t.Name)).Append("</td><td>")
                    .Append(HtmlText.Encode(t.Address?.ToString() ?? "?")).Append("</td><td>")
                    .Append(CultureInfo.InvariantCulture, $"{t.Since:HH:mm:ss} ({minutes} min)</td><td>{t.Messages}</td>");
                foreach (var c in chapters)
                {
                    var p = t.Progress.FirstOrDefault(x => x.Chapter == c);
                    html.Append(p is null ? "<td></td>"
                        : string.Create(CultureInfo.InvariantCulture, $"<td><progress max=\"{p.Total}\" value=\"{p.Done}\"></progress> {p.Done}/{p.Total}</td>"));
                }
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        html.Append("<h2>Messages (les plus récents en haut)</h2>");
        if (s.Messages.Count == 0) html.Append("<p class=\"nc-notice\">Aucun message pour l'instant.</p>");
        else
        {
            html.Append("<ol class=\"nc-messages\">");
            foreach (var m in s.Messages.Reverse().Take(MessagesShown))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><time>{m.Time:HH:mm:ss}</time>");
                if (m.From is null) html.Append("<span class=\"nc-notice\">").Append(HtmlText.Encode(m.Text)).Append("</span>");
                else html.Append("<b>").Append(HtmlText.Encode(m.From)).Append("</b> : ").Append(HtmlText.Encode(m.Text)).Append(m.WasCut ? " […]" : "");
                html.Append("</li>");
            }
            html.Append("</ol>");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"nc-garde\">Garde-fous : {s.LinesIgnored} ligne(s) ignorée(s) (trop rapides) · {s.LinesCut} coupée(s) (trop longues) · "
            + $"{s.FloodersCut} élève(s) déconnecté(s) pour excès de lignes · {s.SlowDropped} pour lecture trop lente · "
            + $"{s.TimedOut} connexion(s) silencieuse(s) fermée(s) · {s.Rejected} refusée(s) (classe pleine).</p>");
        return html.Append("</div>").ToString();
    }
}
