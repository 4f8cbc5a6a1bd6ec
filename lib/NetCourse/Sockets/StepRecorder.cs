using System.Diagnostics;
using NetCourse.Html;

namespace NetCourse.Sockets;

/// <summary>Records the steps of a client–server exchange with their timestamps (thread-safe) and draws them.</summary>
public sealed class StepRecorder
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<ExchangeStep> _steps = [];
    private readonly Lock _gate = new();

    /// <summary>Records one step now.</summary>
    public ExchangeStep Record(string actor, string step, string detail, string peer = "")
    {
        var item = new ExchangeStep(_clock.Elapsed.TotalMilliseconds, actor, step, detail, peer);
        lock (_gate)
            _steps.Add(item);
        return item;
    }

    /// <summary>The steps recorded so far, in time order.</summary>
    public IReadOnlyList<ExchangeStep> Steps
    {
        get
        {
            lock (_gate)
                return _steps.OrderBy(s => s.AtMs).ToArray();
        }
    }

    /// <summary>The steps of one actor, in time order.</summary>
    public IReadOnlyList<ExchangeStep> StepsOf(string actor) => Steps.Where(s => s.Actor == actor).ToArray();

    /// <summary>Waits (bounded) until a step matching <paramref name="match"/> is recorded; false when the time is up.</summary>
    public async Task<bool> WaitForAsync(Func<ExchangeStep, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var watch = Stopwatch.StartNew();
        while (!Steps.Any(match))
        {
            if (watch.Elapsed >= timeout)
                return false;
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>Waits (bounded) until the server has closed <paramref name="count"/> connections; false when the time is up.</summary>
    public Task<bool> WaitForServerClosesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForAsync(_ => Steps.Count(s => s.Actor == SteppedServer.Actor && s.Step == "4. fermer") >= count, timeout, cancellationToken);

    /// <summary>The steps drawn as a sequence diagram (SVG).</summary>
    public SequenceDiagram Diagram(string title = "Échange client–serveur") => new(title, Steps);

    /// <summary>The steps as an HTML table (time, actor, step, detail).</summary>
    public HtmlTable Table() => new("Les étapes, dans l'ordre où elles se sont produites", ["t (ms)", "Qui", "Étape", "Détail"],
        Steps.Select(s => (IReadOnlyList<string>)[s.AtMs.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), s.Actor, s.Step, s.Detail]).ToArray());
}
