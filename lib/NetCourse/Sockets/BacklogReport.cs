using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Sockets;

/// <summary>What the backlog demonstration measured.</summary>
/// <param name="Backlog">The backlog given to listen().</param>
/// <param name="AcceptAfterMilliseconds">When the server started accepting (null: it never did during the demo).</param>
/// <param name="TimeoutMilliseconds">Each client's connect timeout.</param>
/// <param name="Attempts">One line per client.</param>
/// <param name="AcceptQueueLength">Connections waiting in the accept queue, read from /proc/net/tcp before any accept (-1 if unreadable).</param>
/// <param name="Accepted">How many connections the server accepted in the end (then closed).</param>
public sealed record BacklogReport(int Backlog, double? AcceptAfterMilliseconds, double TimeoutMilliseconds, IReadOnlyList<BacklogAttempt> Attempts,
    long AcceptQueueLength, int Accepted) : IHtmlView
{
    /// <summary>How many clients completed their connect().</summary>
    public int ConnectedCount => Attempts.Count(a => a.Connected);

    /// <summary>The connect() times as a Plotly chart, one bar per client.</summary>
    public PlotlyChart Chart() => PlotlyChart.Columns(
        $"listen({Backlog}) : durée du connect() de chaque client", "client n°", "durée (ms)",
        ChartSeries.Categories("connecté", Attempts.Select(a => a.Index.ToString(CultureInfo.InvariantCulture)).ToArray(),
            Attempts.Select(a => a.Connected ? a.Milliseconds : 0).ToArray()),
        ChartSeries.Categories("abandon (délai dépassé)", Attempts.Select(a => a.Index.ToString(CultureInfo.InvariantCulture)).ToArray(),
            Attempts.Select(a => a.Connected ? 0 : a.Milliseconds).ToArray()));

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<div style=\"font-family:sans-serif;font-size:13px\">");
        var start = AcceptAfterMilliseconds is { } after
            ? string.Create(CultureInfo.InvariantCulture, $"le serveur commence à accepter après {after:0} ms.")
            : "le serveur n'appelle jamais accept() pendant l'essai.";
        html.Append(string.Create(CultureInfo.InvariantCulture,
            $"<p><b>listen({Backlog})</b>, {Attempts.Count} clients, délai de connexion {TimeoutMilliseconds:0} ms, {start}</p>"));
        html.Append(string.Create(CultureInfo.InvariantCulture,
            $"<p>File d'attente des connexions (lue dans /proc/net/tcp avant tout accept) : <b>{AcceptQueueLength}</b> connexion(s) en attente (backlog {Backlog}). {ConnectedCount} client(s) connecté(s), {Attempts.Count - ConnectedCount} en échec ; le serveur en a accepté {Accepted}.</p>"));
        html.Append(new HtmlTable("", ["client", "résultat", "durée (ms)"],
            Attempts.Select(a => (IReadOnlyList<string>)[a.Index.ToString(CultureInfo.InvariantCulture), a.Outcome,
                a.Milliseconds.ToString("0.0", CultureInfo.InvariantCulture)]).ToArray()).ToHtml());
        html.Append("</div>");
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"listen({Backlog}) : {ConnectedCount}/{Attempts.Count} connectés, file {AcceptQueueLength} (backlog {Backlog}), acceptés {Accepted}";
}
