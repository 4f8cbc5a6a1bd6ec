using NetCourse.Html;

namespace NetCourse.Sockets;

/// <summary>N clients started at once against one server: what each one lived.</summary>
/// <param name="Mode">How the server handled them.</param>
/// <param name="WorkMs">The server's work per request, in ms.</param>
/// <param name="Runs">Each client's run, by name.</param>
/// <param name="Recorder">Every step of the experiment.</param>
public sealed record ManyClientsResult(ServerMode Mode, double WorkMs, IReadOnlyList<ClientRun> Runs, StepRecorder Recorder)
{
    /// <summary>The mode in French.</summary>
    public string ModeFrench => Mode == ServerMode.OneAtATime ? "un client à la fois" : "concurrent";

    /// <summary>The longest wait, in ms.</summary>
    public double LongestMs => Runs.Count == 0 ? 0 : Runs.Max(r => r.TotalMs);

    /// <summary>The clients' waits as a chart series, one bar per client.</summary>
    public ChartSeries Series() => ChartSeries.Categories($"serveur {ModeFrench}", Runs.Select(r => r.Name), Runs.Select(r => Math.Round(r.TotalMs, 1)));

    /// <summary>A table: client, connected after, answer after, answer or error.</summary>
    public HtmlTable Table() => new($"{Runs.Count} clients contre un serveur {ModeFrench} (travail : {WorkMs:0} ms par requête)",
        ["Client", "Connecté après (ms)", "Réponse après (ms)", "Réponse ou erreur"],
        Runs.Select(r => (IReadOnlyList<string>)[r.Name, double.IsNaN(r.ConnectMs) ? "—" : r.ConnectMs.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            r.TotalMs.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), r.Reply ?? r.Error ?? ""]).ToArray());
}
