using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Lab;

/// <summary>What a student's TTL loop did: every probe it sent (TTL and answer), the route it returned, the true route.</summary>
/// <param name="Source">Where the answers came from (the lab, or the recorded trace), in French.</param>
/// <param name="Probes">The probes sent, in order, with their answers.</param>
/// <param name="InvalidTtls">TTL values asked that no IP header can carry (below 1, above 255).</param>
/// <param name="Route">What the loop returned (null when it did not finish).</param>
/// <param name="Expected">The true route: the routers, then the destination.</param>
/// <param name="Failure">Why the loop did not finish (French), or null.</param>
public sealed record TtlLoopReport(string Source, IReadOnlyList<ProbeReply> Probes, IReadOnlyList<int> InvalidTtls,
    IReadOnlyList<IPAddress?>? Route, IReadOnlyList<IPAddress> Expected, string? Failure) : IHtmlView
{
    /// <summary>The TTL at which the destination first answered, or null.</summary>
    public int? ReachedAt => Probes.FirstOrDefault(p => p.Reached)?.Ttl;

    /// <summary>The distinct TTLs sent, in the order first sent.</summary>
    public IReadOnlyList<int> Ttls => Probes.Select(p => p.Ttl).Distinct().ToArray();

    /// <summary>Every problem found, in French; empty when the loop is right.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (Failure is not null) problems.Add(Failure);
            if (InvalidTtls.Count > 0)
                problems.Add($"votre boucle a demandé le(s) TTL {string.Join(", ", InvalidTtls)} : un en-tête IP porte un TTL de 1 à 255 (aucune sonde n'est partie).");
            if (Probes.Count == 0)
            {
                if (Failure is null) problems.Add("votre boucle n'a envoyé aucune sonde.");
                return problems;
            }
            var ttls = Ttls;
            if (ttls[0] != 1)
                problems.Add($"votre boucle commence au TTL {ttls[0]} : le(s) premier(s) routeur(s) ne sont jamais sondés ; il faut partir de TTL 1.");
            for (var i = 1; i < ttls.Count; i++)
                if (ttls[i] != ttls[i - 1] + 1)
                {
                    problems.Add($"votre boucle passe du TTL {ttls[i - 1]} au TTL {ttls[i]} : chaque TTL doit valoir un de plus que le précédent, sinon un routeur est sauté.");
                    break;
                }
            if (ReachedAt is { } reached && Probes.Any(p => p.Ttl > reached))
            {
                var extra = Probes.Count(p => p.Ttl > reached);
                problems.Add($"la destination {Expected[^1]} a répondu dès le TTL {reached}, mais votre boucle a continué jusqu'au TTL {Probes.Max(p => p.Ttl)} "
                             + $"({extra} sonde(s) de trop, toutes répondues par la destination) : arrêtez-vous quand la réponse vient de la destination (Reached).");
            }
            else if (ReachedAt is null && Failure is null)
                problems.Add($"votre boucle s'est arrêtée au TTL {ttls[^1]} sans atteindre la destination {Expected[^1]}.");
            if (Route is not null && !Route.SequenceEqual(Expected.Cast<IPAddress?>()))
                problems.Add($"la route rendue est [{Join(Route)}] ; la vraie route est [{Join(Expected)}] (un routeur par TTL, puis la destination).");
            return problems;
        }
    }

    /// <summary>True when the loop sent TTL 1, 2, … up to the destination and no further, and returned the true route.</summary>
    public bool Passed => Problems.Count == 0 && Route is not null;

    /// <summary>French feedback: the TTLs sent, who answered, and what is wrong.</summary>
    public string Feedback
    {
        get
        {
            var sent = Probes.Count == 0 ? "aucune sonde" : $"{Probes.Count} sonde(s), TTL {Abbreviate(Probes.Select(p => p.Ttl).ToArray())}";
            var head = $"Votre boucle a envoyé {sent}.";
            return Passed
                ? $"{head} Route trouvée : [{Join(Route!)}] — un routeur par TTL, puis la destination au TTL {ReachedAt}, et pas une sonde de plus."
                : $"{head} {string.Join(" ", Problems.Select(p => char.ToUpperInvariant(p[0]) + p[1..]))}";
        }
    }

    private static string Join(IEnumerable<IPAddress?> addresses) => string.Join(", ", addresses.Select(a => a?.ToString() ?? "*"));

    private static string Abbreviate(int[] ttls) =>
        ttls.Length <= 12 ? string.Join(", ", ttls) : $"{string.Join(", ", ttls.Take(6))}, … {string.Join(", ", ttls.TakeLast(3))}";

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:13px\">");
        html.Append("<p style=\"color:").Append(Passed ? "#2e7d32" : "#c62828").Append("\">").Append(Passed ? "✔ " : "✘ ")
            .Append(HtmlText.Encode(Feedback)).Append("</p>");
        var rows = Probes.Select((p, i) => (IReadOnlyList<string>)[
            (i + 1).ToString(CultureInfo.InvariantCulture), p.Ttl.ToString(CultureInfo.InvariantCulture),
            p.From?.ToString() ?? "*", p.From is null ? "pas de réponse" : p.Reached ? "destination (réponse d'écho)" : "routeur (temps dépassé)",
            ReachedAt is { } r && p.Ttl > r ? "de trop" : ""]).ToArray();
        html.Append(new HtmlTable($"Les sondes de votre boucle — {Source}", ["sonde", "TTL", "a répondu", "qui", ""], rows).ToHtml());
        return html.Append("</div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Feedback;
}
