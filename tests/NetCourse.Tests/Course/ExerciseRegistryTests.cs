using NetCourse.Course;

namespace NetCourse.Tests.Course;

/// <summary>
/// Every exercise of the registry (chapters 5–8's included, automatically): the starting answer is not a try, a wrong
/// answer is rejected, the registered solution and every accepted variant pass, and the solutions mode passes.
/// </summary>
public class ExerciseRegistryTests
{
    public static TheoryData<string> Questions => new(ExerciseRegistry.All.Where(e => e.Kind == ExerciseKind.Question).Select(e => e.Id));

    public static TheoryData<string> CodeExercises => new(ExerciseRegistry.All.Where(e => e.Code is not null).Select(e => e.Id));

    public static TheoryData<string> FilterExercises => new(ExerciseRegistry.All.Where(e => e.Filter is not null).Select(e => e.Id));

    private static ExerciseEngine NewEngine(bool solutions = false) =>
        new(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-progress-{Guid.NewGuid():N}.json")), solutions);

    private static ExerciseVerdict Answer(ExerciseEngine engine, ExerciseDefinition e, object? answer, object? context) =>
        e.IsPrediction ? Predicted(engine, e, answer, context) : engine.Check(e.Id, answer, context);

    private static ExerciseVerdict Predicted(ExerciseEngine engine, ExerciseDefinition e, object? answer, object? context)
    {
        var noted = engine.Predict(e.Id, answer);
        return noted.State == VerdictState.Noted ? engine.CheckPrediction(e.Id, context) : noted;
    }

    [Fact]
    public void Every_code_exercise_is_written_in_csharp_or_as_a_display_filter()
    {
        Assert.All(ExerciseRegistry.All.Where(e => e.Kind == ExerciseKind.Code), e => Assert.True(e.Code is not null ^ e.Filter is not null, e.Id));
        Assert.All(ExerciseRegistry.All.Where(e => e.Kind == ExerciseKind.Question), e => Assert.True(e.Code is null && e.Filter is null, e.Id));
    }

    [Fact]
    public void Ids_are_unique_and_name_their_chapter()
    {
        Assert.Empty(ExerciseRegistry.DuplicateIds);
        Assert.All(ExerciseRegistry.All, e => Assert.Matches(@"^ch\d\.[a-z0-9-]+$", e.Id));
        Assert.All(ExerciseRegistry.All, e => Assert.InRange(e.Chapter, 0, 8));
        Assert.All(ExerciseRegistry.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Hint + e.Explanation + e.Question)));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_question_rejects_the_start_and_a_wrong_answer_and_accepts_its_solution_and_variants(string id)
    {
        var e = ExerciseRegistry.Find(id)!;
        var context = e.SampleContext?.Invoke();
        try
        {
            var rule = e.Rule!(context);
            Assert.NotNull(rule);
            var engine = NewEngine();

            Assert.Equal(VerdictState.NotAnswered, Answer(engine, e, "???", context).State);
            Assert.Equal(0, engine.Store.Get(e.Id)?.Tries ?? 0);
            Assert.Equal(VerdictState.Wrong, Answer(engine, e, rule.WrongExample, context).State);
            Assert.Equal(VerdictState.Passed, Answer(engine, e, rule.SolutionValue, context).State);
            foreach (var variant in rule.AcceptedVariants)
                Assert.True(Answer(engine, e, variant, context).Passed, $"{id}: variant « {variant} » rejected");
            foreach (var misconception in e.Misconceptions)
            {
                var verdict = Answer(engine, e, misconception.Answers[0], context);
                Assert.Equal(VerdictState.Wrong, verdict.State);
                Assert.Contains(misconception.Message, verdict.Feedback);
            }
            Assert.True(Answer(NewEngine(solutions: true), e, "???", context).Passed, $"{id}: the solutions mode does not pass");
            if (context is not null) // the run's result missing or of another type: a message, not a try
                Assert.Equal(VerdictState.Problem, Answer(engine, e, rule.SolutionValue, new object()).State);
        }
        finally
        {
            if (context is IAsyncDisposable disposable) await disposable.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(CodeExercises))]
    public async Task A_code_exercise_passes_its_reference_and_does_not_count_the_template(string id)
    {
        var e = ExerciseRegistry.Find(id)!;
        var engine = NewEngine();

        Assert.Equal(VerdictState.NotAnswered, (await engine.CheckCodeAsync(id, null)).State);
        Assert.Equal(VerdictState.Problem, (await engine.CheckCodeAsync(id, (Func<int>)(() => 1))).State);
        var reference = await engine.CheckCodeAsync(id, e.Code!.Reference);
        Assert.True(reference.Passed, reference.ToString());
        Assert.NotEmpty(reference.Wire);
        Assert.True((await NewEngine(solutions: true).CheckCodeAsync(id, null)).Passed);
        var mistake = await engine.CheckCodeAsync(id, e.Code.TypicalMistake);
        Assert.True(mistake.State == VerdictState.Wrong, $"{id}: the typical mistake is not rejected: {mistake}");
        Assert.NotEmpty(mistake.Feedback);
    }

    [Theory]
    [MemberData(nameof(FilterExercises))]
    public void A_filter_exercise_rejects_the_start_and_wrong_filters_and_accepts_its_solution_and_equivalents(string id)
    {
        var e = ExerciseRegistry.Find(id)!;
        var filter = e.Filter!;
        var packets = Assert.IsAssignableFrom<IReadOnlyList<NetCourse.Dissection.DissectedPacket>>(e.SampleContext?.Invoke());
        var engine = NewEngine();

        Assert.Equal(VerdictState.NotAnswered, engine.CheckFilter(id, "???", packets).State);
        Assert.Equal(VerdictState.NotAnswered, engine.CheckFilter(id, "", packets).State);
        Assert.Equal(0, engine.Store.Get(id)?.Tries ?? 0);
        Assert.NotEmpty(filter.WrongExamples);
        foreach (var wrong in filter.WrongExamples)
            Assert.Equal(VerdictState.Wrong, engine.CheckFilter(id, wrong, packets).State);
        foreach (var right in filter.Equivalents.Prepend(filter.Solution))
        {
            var verdict = engine.CheckFilter(id, right, packets);
            Assert.True(verdict.Passed, $"{id}: « {right} » rejected: {verdict.Feedback}");
            Assert.NotEmpty(verdict.Wire);
        }
        Assert.Equal("code", engine.Store.Get(id)!.Kind);
        Assert.True(NewEngine(solutions: true).CheckFilter(id, "???", packets).Passed, $"{id}: the solutions mode does not pass");
        Assert.True(NewEngine(solutions: true).CheckFilter(id, "???").Passed, $"{id}: the recorded capture does not pass");
    }
}
