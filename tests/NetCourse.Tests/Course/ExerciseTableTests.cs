using System.Globalization;
using System.Text;
using NetCourse.Course;

namespace NetCourse.Tests.Course;

/// <summary>
/// The course's exercise table (chapter, id, kind, what it checks, what a wrong answer is told), generated from the
/// registry — a wrong answer's message is the engine's real verdict on the rule's wrong example — and written to
/// <c>artifacts/exercises.md</c>; and the coverage the course promises (3 exercises a chapter, code where named).
/// Serial: the table runs each code exercise's typical mistake through its real checker, which must not share a live
/// resource (ch5's server slot, ch7's namespace) with the registry test running the same checker.
/// </summary>
[Collection(SerialCollection.Name)]
public class ExerciseTableTests
{
    [Fact]
    public void Every_chapter_1_to_8_has_three_exercises_and_code_where_the_course_promises_it()
    {
        for (var chapter = 1; chapter <= 8; chapter++)
            Assert.True(ExerciseRegistry.OfChapter(chapter).Count >= 3, $"chapitre {chapter} : moins de 3 exercices");
        foreach (var chapter in new[] { 2, 3, 5, 6, 7, 8 })
            Assert.Contains(ExerciseRegistry.OfChapter(chapter), e => e.Kind == ExerciseKind.Code);
        // Chapter 6's code is a display filter, run by the dissector's filter engine on the packets.
        Assert.Contains(ExerciseRegistry.OfChapter(6), e => e.Kind == ExerciseKind.Code && e.Filter is not null);
    }

    [Fact]
    public async Task The_table_is_generated_from_the_registry()
    {
        var table = await Markdown();
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.Root, "artifacts")).FullName, "exercises.md"), table);
        Assert.All(ExerciseRegistry.All, e => Assert.Contains($"`{e.Id}`", table));
        Assert.DoesNotContain("Remplacez ???", table); // every question row shows a real wrong-answer verdict
    }

    private static async Task<string> Markdown()
    {
        var text = new StringBuilder("| chap. | id | type | ce qu'il vérifie | ce qu'une mauvaise réponse reçoit (texte du moteur) |\n|---|---|---|---|---|\n");
        foreach (var e in ExerciseRegistry.All.OrderBy(e => e.Chapter))
        {
            var kind = e.Filter is not null ? "code (filtre d'affichage)" : e.Kind == ExerciseKind.Code ? "code (C#)"
                : e.IsPrediction ? "question (prédiction)" : "question";
            text.Append(CultureInfo.InvariantCulture, $"| {e.Chapter} | `{e.Id}` | {kind} | {Cell(e.Question)} | {Cell(Shorten(await Told(e)))} |\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// The engine's real verdict on a wrong answer, then the hint: for a question, its first typical mistake (or the
    /// rule's wrong example); for a filter, its first wrong filter; for C# code, the exercise's typical mistake run
    /// against the real checker.
    /// </summary>
    private static async Task<string> Told(ExerciseDefinition e)
    {
        if (e.Filter is { } filter)
            return $"{FilterVerdict(e.Id, filter.WrongExamples[0])} Indice : {e.Hint}";
        if (e.Code is { } code)
            return $"{await CodeVerdict(e.Id, code.TypicalMistake)} Indice : {e.Hint}";
        var context = e.SampleContext?.Invoke();
        try
        {
            var rule = e.Rule!(context)!;
            // The exercise's first typical mistake (the engine answers it with its own explanation), else the rule's wrong example.
            var wrong = e.Misconceptions.Count > 0 ? e.Misconceptions[0].Answers[0] : rule.WrongExample;
            var engine = new ExerciseEngine(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-table-{Guid.NewGuid():N}.json")));
            var verdict = e.IsPrediction
                ? engine.Predict(e.Id, wrong) is { State: VerdictState.Noted } ? engine.CheckPrediction(e.Id, context) : null
                : engine.Check(e.Id, wrong, context);
            File.Delete(engine.Store.Path);
            return $"{verdict?.Feedback} Indice : {e.Hint}";
        }
        finally
        {
            (context as IDisposable)?.Dispose();
        }
    }

    /// <summary>The engine's real verdict on a wrong filter, run on the exercise's recorded capture.</summary>
    private static string FilterVerdict(string id, string wrong)
    {
        var engine = new ExerciseEngine(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-table-{Guid.NewGuid():N}.json")));
        var verdict = engine.CheckFilter(id, wrong);
        File.Delete(engine.Store.Path);
        return verdict.Feedback;
    }

    /// <summary>The engine's real verdict on a code exercise's typical mistake.</summary>
    private static async Task<string> CodeVerdict(string id, Delegate mistake)
    {
        var engine = new ExerciseEngine(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-table-{Guid.NewGuid():N}.json")));
        var verdict = await engine.CheckCodeAsync(id, mistake);
        File.Delete(engine.Store.Path);
        return verdict.Feedback;
    }

    /// <summary>A filter's verdict lists every packet kept or missed: the table keeps its start.</summary>
    private static string Shorten(string text) => text.Length <= 360 ? text : text[..359] + "…";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
