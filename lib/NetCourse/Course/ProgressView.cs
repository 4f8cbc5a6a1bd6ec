using System.Globalization;
using NetCourse.Html;

namespace NetCourse.Course;

/// <summary>The student's progress as a table: per chapter (exercises passed / total), or exercise by exercise.</summary>
public sealed class ProgressView : IHtmlView
{
    private readonly string _title;
    private readonly IReadOnlyList<string> _headers;
    private readonly IReadOnlyList<IReadOnlyList<string>> _rows;

    private ProgressView(string title, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int passed, int total)
    {
        _title = title;
        _headers = headers;
        _rows = rows;
        Passed = passed;
        Total = total;
    }

    /// <summary>Exercises passed.</summary>
    public int Passed { get; }

    /// <summary>Exercises counted.</summary>
    public int Total { get; }

    /// <summary>One row per chapter that has exercises.</summary>
    public static ProgressView Chapters(ProgressStore store)
    {
        var progress = store.Read();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var chapter in ExerciseRegistry.All.GroupBy(e => e.Chapter).OrderBy(g => g.Key))
        {
            var passed = chapter.Count(e => progress.GetValueOrDefault(e.Id)?.Passed == true);
            var tried = chapter.Count(e => progress.GetValueOrDefault(e.Id) is { } p && (p.Passed || p.Tries > 0 || p.SolutionShown));
            rows.Add([chapter.Key.ToString(CultureInfo.InvariantCulture), $"{passed} / {chapter.Count()}", Bar(passed, chapter.Count()),
                tried == 0 ? "pas encore commencé" : passed == chapter.Count() ? "terminé" : $"{tried} essayé(s)"]);
        }
        var all = ExerciseRegistry.All;
        var done = all.Count(e => progress.GetValueOrDefault(e.Id)?.Passed == true);
        return new ProgressView($"Votre progression : {done} exercice(s) réussi(s) sur {all.Count} (fichier {store.Path})",
            ["Chapitre", "Réussis", "", "État"], rows, done, all.Count);
    }

    /// <summary>One row per exercise (of one chapter, or all).</summary>
    public static ProgressView Exercises(ProgressStore store, int? chapter)
    {
        var progress = store.Read();
        var list = chapter is { } n ? ExerciseRegistry.OfChapter(n) : ExerciseRegistry.All;
        var rows = list.Select(e =>
        {
            var p = progress.GetValueOrDefault(e.Id);
            var state = p is null ? "—" : p.Passed ? "✔ réussi" : p.Tries > 0 ? $"✘ {p.Tries} essai(s)"
                : p.SolutionShown ? "solution vue" : "pas encore répondu";
            return (IReadOnlyList<string>)[e.Id, e.Kind == ExerciseKind.Code ? "code" : e.IsPrediction ? "prédiction" : "question", e.Title, state];
        }).ToArray();
        var done = list.Count(e => progress.GetValueOrDefault(e.Id)?.Passed == true);
        return new ProgressView(chapter is { } c ? $"Exercices du chapitre {c}" : "Tous les exercices", ["Identifiant", "Type", "Exercice", "État"], rows, done, list.Count);
    }

    private static string Bar(int passed, int total) =>
        total == 0 ? "" : new string('■', passed) + new string('□', total - passed);

    /// <inheritdoc />
    public string ToHtml() => new HtmlTable(_title, _headers, _rows).ToHtml();

    /// <inheritdoc />
    public override string ToString() => _title + "\n" + string.Join("\n", _rows.Select(r => string.Join(" | ", r)));
}
