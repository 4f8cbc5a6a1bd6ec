using System.Globalization;
using System.Text;
using NetCourse.Course;

namespace NetCourse.Tests.Course;

/// <summary>
/// The course's exercise table (chapter, id, kind, what it checks, what a wrong answer is told), generated from the
/// registry — a wrong answer's message is the engine's real verdict on the rule's wrong example — and written to
/// <c>artifacts/exercises.md</c>; and the coverage the course promises (3 exercises a chapter, code where named).
/// </summary>
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
    public void The_table_is_generated_from_the_registry()
    {
        var table = Markdown();
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(TestPaths.Root, "artifacts")).FullName, "exercises.md"), table);
        Assert.All(ExerciseRegistry.All, e => Assert.Contains($"`{e.Id}`", table));
        Assert.DoesNotContain("Remplacez ???", table); // every question row shows a real wrong-answer verdict
    }

    private static string Markdown()
    {
        var text = new StringBuilder("| ch. | id | kind | what it checks | what a wrong answer is told |\n|---|---|---|---|---|\n");
        foreach (var e in ExerciseRegistry.All.OrderBy(e => e.Chapter))
        {
            var kind = e.Kind == ExerciseKind.Code ? "code" : e.IsPrediction ? "question (prediction)" : "question";
            text.Append(CultureInfo.InvariantCulture, $"| {e.Chapter} | `{e.Id}` | {kind} | {Cell(e.Question)} | {Cell(Shorten(Told(e)))} |\n");
        }
        return text.ToString();
    }

    /// <summary>For a question, the engine's verdict on the rule's wrong example, then the hint; for code, the hint (the checker's message says what the code did on the wire).</summary>
    private static string Told(ExerciseDefinition e)
    {
        if (e.Filter is { } filter)
            return $"{FilterVerdict(e.Id, filter.WrongExamples[0])} Hint: {e.Hint}";
        if (e.Kind == ExerciseKind.Code)
            return $"what the code did on the wire, then: {e.Hint}";
        var context = e.SampleContext?.Invoke();
        try
        {
            var rule = e.Rule!(context)!;
            var engine = new ExerciseEngine(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-table-{Guid.NewGuid():N}.json")));
            var verdict = e.IsPrediction
                ? engine.Predict(e.Id, rule.WrongExample) is { State: VerdictState.Noted } ? engine.CheckPrediction(e.Id, context) : null
                : engine.Check(e.Id, rule.WrongExample, context);
            var misconception = e.Misconceptions.Count > 0 ? $" Typical mistake « {e.Misconceptions[0].Answers[0]} »: {e.Misconceptions[0].Message}" : "";
            File.Delete(engine.Store.Path);
            return $"{verdict?.Feedback} Hint: {e.Hint}{misconception}";
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

    /// <summary>A filter's verdict lists every packet kept or missed: the table keeps its start.</summary>
    private static string Shorten(string text) => text.Length <= 360 ? text : text[..359] + "…";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
