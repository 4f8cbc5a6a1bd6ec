using System.Text;
using NetCourse.Html;

namespace NetCourse.Sockets;

/// <summary>The verdict on a student's upper-casing echo server: one line per real client, and what went wrong on the wire.</summary>
/// <param name="Notice">Where the server listened (the port, and why when it is not 12800).</param>
/// <param name="Trials">What each client did and got.</param>
/// <param name="ServerProblem">An exception the student's server stopped on, or a server that never returns (French), else null.</param>
public sealed record EchoServerCheckReport(string Notice, IReadOnlyList<EchoTrial> Trials, string? ServerProblem) : IHtmlView
{
    /// <summary>True when every client got its message back in capitals.</summary>
    public bool Passed => Trials.Count > 0 && Trials.All(t => t.Passed);

    /// <summary>One French paragraph: what the clients sent and what the server answered, for the first client that failed.</summary>
    public string Feedback
    {
        get
        {
            if (Passed)
                return $"Les {Trials.Count} clients ont reçu leur message en majuscules ({string.Join(" ; ", Trials.Select(t => t.Client))}).";
            var text = new StringBuilder();
            foreach (var failed in Trials.Where(t => !t.Passed))
                text.Append(failed.Client).Append(" : ").Append(failed.Wire).Append(' ');
            if (ServerProblem is not null) text.Append(ServerProblem);
            return text.ToString().Trim();
        }
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var rows = Trials.Select(t => (IReadOnlyList<string>)[
            t.Client,
            string.Join(" ⏎ ", t.Sent.Select(s => $"« {s} »")),
            string.Join(" ⏎ ", t.Received.Select(r => r is null ? "(rien)" : $"« {r} »")),
            (t.Passed ? "✔ " : "✘ ") + t.Wire]).ToArray();
        var html = new StringBuilder("<div style=\"font-family:sans-serif\">");
        html.Append(new HtmlTable($"Votre serveur, essayé par de vrais clients — {Notice}", ["client", "a envoyé", "a reçu", "sur le fil"], rows).ToHtml());
        if (ServerProblem is not null)
            html.Append("<p style=\"color:#c62828\">").Append(HtmlText.Encode(ServerProblem)).Append("</p>");
        return html.Append("</div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Notice}{Environment.NewLine}" + string.Join(Environment.NewLine, Trials.Select(t => $"{(t.Passed ? "✔" : "✘")} {t.Client} : {t.Wire}"))
        + (ServerProblem is null ? "" : Environment.NewLine + ServerProblem);
}
