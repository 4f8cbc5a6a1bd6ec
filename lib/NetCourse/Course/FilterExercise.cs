using System.Globalization;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Course;

/// <summary>
/// The program of a display-filter exercise (<see cref="ExerciseKind.Code"/>): the student writes a filter, a small
/// program in Wireshark's display-filter language, and the engine runs it on a real capture — the student's own packets
/// when the cell passes them, the recorded capture of <c>data/</c> otherwise — then says, frame by frame, what it kept,
/// what it should have kept and what it should not have. Equivalent filters pass alike: only what they keep counts.
/// </summary>
public sealed class FilterExercise
{
    /// <summary>What the filter must keep, computed from each packet's own fields.</summary>
    public required FilterTarget Target { get; init; }

    /// <summary>The reference filter, shown as the solution and run by the instructor's book.</summary>
    public required string Solution { get; init; }

    /// <summary>Other filters the tests check pass too (written differently, keeping the same packets).</summary>
    public IReadOnlyList<string> Equivalents { get; init; } = [];

    /// <summary>Filters the tests check fail (too broad, too narrow, unreadable).</summary>
    public IReadOnlyList<string> WrongExamples { get; init; } = [];

    /// <summary>The recorded capture of <c>data/</c> the filter runs on when the cell passes no packet worth filtering.</summary>
    public required string RecordedCapture { get; init; }

    /// <summary>Lines of the frame-by-frame account at most (a long capture would drown the verdict).</summary>
    private const int MaxFrameLines = 40;

    /// <summary>Runs <paramref name="filter"/> on <paramref name="packets"/> (or on <see cref="RecordedCapture"/>) and reports.</summary>
    internal CodeReport Run(string? filter, IReadOnlyList<DissectedPacket>? packets)
    {
        var text = (filter ?? "").Trim();
        if (text.Length == 0 || text.Contains("???", StringComparison.Ordinal))
            return new CodeReport(false, "Écrivez votre filtre à la place de ??? puis ré-exécutez la cellule.", [], DidNothing: true);
        var (frames, source) = FramesToFilter(packets);
        var report = DisplayFilterCheck.Check(frames, text, Target);
        var wire = new List<string> { string.Create(CultureInfo.InvariantCulture, $"Filtre appliqué à {source} ({frames.Count} paquets).") };
        if (report.Error is null)
        {
            wire.AddRange(frames.Take(MaxFrameLines).Select(p => Line(p, report)));
            if (frames.Count > MaxFrameLines)
                wire.Add(string.Create(CultureInfo.InvariantCulture, $"… et {frames.Count - MaxFrameLines} autre(s) paquet(s)."));
        }
        return new CodeReport(report.Passed, report.Feedback, wire);
    }

    /// <summary>The student's packets when they hold something to select; the recorded capture otherwise (and why).</summary>
    private (IReadOnlyList<DissectedPacket> Frames, string Source) FramesToFilter(IReadOnlyList<DissectedPacket>? packets)
    {
        if (packets is { Count: > 0 } && packets.Any(Target.Wanted))
            return (packets, "vos paquets");
        var recorded = CourseData.Load(RecordedCapture).Dissect();
        return packets is { Count: > 0 }
            ? (recorded, $"data/{RecordedCapture}, car vos paquets ne contiennent pas {Target.Description}")
            : (recorded, $"data/{RecordedCapture} (aucun paquet passé à la vérification)");
    }

    private static string Line(DissectedPacket p, DisplayFilterCheckReport report)
    {
        var verdict = report.WronglyKept.Contains(p) ? "gardé à tort ✘"
            : report.Missed.Contains(p) ? "oublié ✘"
            : report.Kept.Contains(p) ? "gardé ✔" : "écarté ✔";
        return string.Create(CultureInfo.InvariantCulture, $"n° {p.Number} — {verdict} — {p.Source} → {p.Destination} {p.Protocol} {p.Info}");
    }
}
