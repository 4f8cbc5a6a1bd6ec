using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Lab;

/// <summary>A whole traceroute: the target, each hop in TTL order, and where the data came from.</summary>
/// <param name="Target">The traced address.</param>
/// <param name="Hops">One entry per TTL tried, in order.</param>
/// <param name="Source">Where the hops come from, in French (live probes, a live capture, a recorded capture).</param>
public sealed record TracerouteResult(IPAddress Target, IReadOnlyList<TracerouteHop> Hops, string Source) : IHtmlView
{
    /// <summary>Why the probes could not be sent (French), or null when they were.</summary>
    public string? Error { get; init; }

    /// <summary>True when the target answered.</summary>
    public bool Reached => Hops.Any(h => h.Reached);

    /// <summary>The TTL at which the target answered (null when it did not).</summary>
    public int? ReachedAtTtl => Hops.FirstOrDefault(h => h.Reached)?.Ttl;

    /// <summary>The routers that answered « time exceeded », in order (hops before the target that answered).</summary>
    public IReadOnlyList<IPAddress> Routers => Hops.Where(h => !h.Reached && h.Address is not null).Select(h => h.Address!).ToArray();

    /// <summary>Name of the chart's line through each hop's fastest probe (<see cref="TracerouteHop.FastestMs"/>).</summary>
    public const string FastestSeriesName = "minimum (sonde la plus rapide)";

    /// <summary>
    /// A Plotly chart of the round-trip time of every probe, hop by hop (x: « TTL n · who answered »), and a line through
    /// each hop's fastest probe: the minimum, not the mean, so one probe slowed by a busy machine cannot make a hop look
    /// nearer than the one before it.
    /// </summary>
    public PlotlyChart Chart()
    {
        static string Label(TracerouteHop h) => $"TTL {h.Ttl} · {h.Address?.ToString() ?? "*"}";
        var probes = Hops.Count == 0 ? 0 : Hops.Max(h => h.RoundTripsMs.Count);
        var series = new List<ChartSeries>();
        for (var p = 0; p < probes; p++)
        {
            var answered = Hops.Where(h => p < h.RoundTripsMs.Count && h.RoundTripsMs[p] is not null).ToArray();
            series.Add(ChartSeries.Categories($"sonde {p + 1}", answered.Select(Label), answered.Select(h => h.RoundTripsMs[p]!.Value)));
        }
        var withAnswer = Hops.Where(h => h.FastestMs is not null).ToArray();
        series.Add(ChartSeries.Categories(FastestSeriesName, withAnswer.Select(Label), withAnswer.Select(h => h.FastestMs!.Value)));
        return PlotlyChart.Lines($"Traceroute vers {Target} : aller-retour par saut", "saut (TTL · qui a répondu)", "aller-retour (ms)", [.. series]);
    }

    /// <summary>The CLI's text: a header, then one line per hop.</summary>
    public string ToText()
    {
        var text = new StringBuilder($"traceroute vers {Target} ({Source})").AppendLine();
        if (Error is not null) text.AppendLine(CultureInfo.InvariantCulture, $"erreur : {Error}");
        foreach (var hop in Hops) text.AppendLine(hop.ToLine());
        text.Append(Reached ? $"destination atteinte au saut {ReachedAtTtl}." : "destination non atteinte.");
        return text.ToString();
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        if (Error is not null && Hops.Count == 0)
            return $"<p style=\"color:#c62828;font-family:sans-serif\">Traceroute vers {HtmlText.Encode(Target.ToString())} impossible : {HtmlText.Encode(Error)}</p>";
        var rows = Hops.Select(h => (IReadOnlyList<string>)[
            h.Ttl.ToString(CultureInfo.InvariantCulture),
            h.Address?.ToString() ?? "*",
            h.Reached ? "destination (réponse d'écho)" : h.Address is null ? "pas de réponse" : "routeur (temps dépassé)",
            string.Join("  ", h.RoundTripsMs.Select(TracerouteHop.Format))]).ToArray();
        var summary = Reached ? $"destination atteinte au saut {ReachedAtTtl}, après {Routers.Count} routeur(s)" : "destination non atteinte";
        return new HtmlTable($"Traceroute vers {Target} — {Source} — {summary}", ["saut (TTL)", "a répondu", "qui", "allers-retours"], rows).ToHtml();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}
