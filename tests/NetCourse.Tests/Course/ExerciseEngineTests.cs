using NetCourse.Course;

namespace NetCourse.Tests.Course;

public class ExerciseEngineTests : IDisposable
{
    private static readonly int[] OnePort = [12800];
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nc-progress-{Guid.NewGuid():N}.json");

    public void Dispose()
    {
        File.Delete(_file);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("LAN")]
    [InlineData("lan")]
    [InlineData("Réseau local")]
    [InlineData("reseau  LOCAL.")]
    [InlineData("c'est un réseau local")]
    [InlineData("« LAN »")]
    public void Text_answers_ignore_case_accents_articles_and_quotes(string answer) =>
        Assert.True(new ExerciseEngine(new ProgressStore(_file)).Check("ch1.lan-wan", answer).Passed);

    [Theory]
    [InlineData("quatre", true)]
    [InlineData("4 étapes", true)]
    [InlineData(4, true)]
    [InlineData(4.0, true)]
    [InlineData("Quatre", true)]
    [InlineData("trois", false)]
    [InlineData("4 ou 5", false)]
    public void Numbers_are_read_in_figures_or_words(object answer, bool passed) =>
        Assert.Equal(passed, new ExerciseEngine(new ProgressStore(_file)).Check("ch2.etapes-serveur", answer).Passed);

    [Theory]
    [InlineData("quatre-vingt-dix", 90)]
    [InlineData("vingt et un", 21)]
    [InlineData("deux cents", 200)]
    [InlineData("mille cinq cents", 1500)]
    [InlineData("soixante-dix", 70)]
    public void French_number_words(string text, double value)
    {
        Assert.True(AnswerRule.Number(value).Accepts(text, out var feedback), feedback);
    }

    [Theory]
    [InlineData("1500", true)]
    [InlineData("1,5 s", true)]
    [InlineData("1400 ms", true)]
    [InlineData("300", false)]
    public void Measures_have_a_tolerance_and_units(string answer, bool passed) =>
        Assert.Equal(passed, AnswerRule.Measure(1520, 0.25).Accepts(answer, out _));

    [Fact]
    public void The_hint_comes_after_the_first_wrong_try_and_the_solution_after_three()
    {
        var engine = new ExerciseEngine(new ProgressStore(_file));

        var start = engine.Check("ch1.lan-wan", "???");
        Assert.Equal(VerdictState.NotAnswered, start.State);
        Assert.Null(start.Hint);
        Assert.Null(start.Solution);
        var first = engine.Check("ch1.lan-wan", "WAN");
        Assert.Equal(VerdictState.Wrong, first.State);
        Assert.NotNull(first.Hint);
        Assert.Null(first.Solution);
        Assert.Contains("réseaux éloignés", first.Feedback); // the targeted explanation of this mistake
        Assert.Null(engine.Check("ch1.lan-wan", "MAN").Solution);
        var third = engine.Check("ch1.lan-wan", "PAN");
        Assert.Equal(3, third.Tries);
        Assert.Equal("\"LAN\"", third.Solution);
        Assert.Contains("Voir la solution", third.ToHtml());
        Assert.Contains("list-style:none", third.ToHtml());
        Assert.DoesNotContain("Voir la solution", first.ToHtml());
    }

    [Fact]
    public async Task An_untouched_starting_answer_is_recorded_as_met_and_not_passed()
    {
        // The book's summary reads the progress file: a cell left at ??? must read « not passed », not « no cell ».
        var engine = new ExerciseEngine(new ProgressStore(_file));

        Assert.Equal(VerdictState.NotAnswered, engine.Check("ch1.lan-wan", "???").State);
        Assert.Equal(VerdictState.NotAnswered, engine.Predict("ch4.prediction-port-ferme", "???").State);
        Assert.Equal(VerdictState.NotAnswered, engine.CheckPrediction("ch5.prediction-backlog", null).State);
        Assert.Equal(VerdictState.NotAnswered, (await engine.CheckCodeAsync("ch2.client", null)).State);
        Assert.Equal(VerdictState.NotAnswered, engine.CheckFilter("ch6.filtre-donnees", "???").State);

        var recorded = new ProgressStore(_file).Read();
        foreach (var id in new[] { "ch1.lan-wan", "ch4.prediction-port-ferme", "ch5.prediction-backlog", "ch2.client", "ch6.filtre-donnees" })
        {
            Assert.True(recorded.TryGetValue(id, out var entry), $"{id} was not recorded");
            Assert.False(entry.Passed);
            Assert.Equal(0, entry.Tries); // the starting answer is not a try: no hint, no count
        }
        Assert.Equal("code", recorded["ch2.client"].Kind);
        Assert.Equal("code", recorded["ch6.filtre-donnees"].Kind);
        Assert.Contains("pas encore répondu", ProgressView.Exercises(engine.Store, 1).ToString());
        var chapterOne = ProgressView.Chapters(engine.Store).ToString().Split('\n').Single(l => l.StartsWith("1 | ", StringComparison.Ordinal));
        Assert.EndsWith("pas encore commencé", chapterOne);
    }

    [Fact]
    public void The_solution_can_be_asked_for_and_is_then_offered_at_once()
    {
        var engine = new ExerciseEngine(new ProgressStore(_file));

        var shown = engine.Solution("ch4.port-https");
        Assert.Equal(VerdictState.SolutionShown, shown.State);
        Assert.Equal("443", shown.Solution);
        Assert.NotNull(engine.Check("ch4.port-https", 80).Solution);
        Assert.False(engine.Store.Get("ch4.port-https")!.Passed);
    }

    [Fact]
    public void Verdicts_are_recorded_and_a_pass_stays()
    {
        var engine = new ExerciseEngine(new ProgressStore(_file));
        engine.Check("ch4.port-https", "443");
        engine.Check("ch4.port-https", "80");

        var entry = new ProgressStore(_file).Get("ch4.port-https")!;
        Assert.True(entry.Passed);
        Assert.Equal(1, entry.Tries);
        Assert.Equal("question", entry.Kind);
        Assert.Contains("1 exercice(s) réussi(s)", engine.Store.Path.Length > 0 ? ProgressView.Chapters(engine.Store).ToString() : "");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[{\"Id\": null}]")]
    [InlineData("")]
    [InlineData("\"text\"")]
    public void A_corrupt_progress_file_never_throws_and_is_repaired(string content)
    {
        File.WriteAllText(_file, content);
        var engine = new ExerciseEngine(new ProgressStore(_file));

        Assert.True(engine.Check("ch4.port-https", "443").Passed);
        Assert.True(new ProgressStore(_file).Get("ch4.port-https")!.Passed);
    }

    [Fact]
    public void An_unwritable_progress_file_still_gives_the_verdict()
    {
        var engine = new ExerciseEngine(new ProgressStore("/proc/nc-cannot-write/progress.json"));
        Assert.True(engine.Check("ch4.port-https", "443").Passed);
    }

    [Fact]
    public void Unknown_ids_and_wrong_calls_give_a_message_not_an_exception()
    {
        var engine = new ExerciseEngine(new ProgressStore(_file));

        Assert.Equal(VerdictState.Problem, engine.Check("ch9.nothing", "x").State);
        Assert.Contains("ch1.lan-wan", engine.Check("nope", "x").Feedback);
        Assert.Equal(VerdictState.Problem, engine.Check("ch4.ports-ouverts", OnePort).State); // the scan not passed
        Assert.Equal(VerdictState.Problem, engine.Check("ch2.client", "x").State);
        Assert.Equal(VerdictState.NotAnswered, engine.CheckPrediction("ch4.prediction-port-ferme", null).State);
    }

    [Fact]
    public void A_prediction_is_checked_against_the_run()
    {
        var engine = new ExerciseEngine(new ProgressStore(_file));
        var closed = new NetCourse.Ports.PortCheckResult("127.0.0.1", System.Net.IPAddress.Loopback, 12809, NetCourse.Ports.PortState.Closed, 0.1, "");

        Assert.Equal(VerdictState.NotAnswered, engine.Predict("ch4.prediction-port-ferme", "???").State);
        Assert.Equal(VerdictState.Noted, engine.Predict("ch4.prediction-port-ferme", "pas de réponse").State);
        var wrong = engine.CheckPrediction("ch4.prediction-port-ferme", closed);
        Assert.Equal(VerdictState.Wrong, wrong.State);
        Assert.Contains("noyau", wrong.Feedback);
        engine.Predict("ch4.prediction-port-ferme", "refusée");
        Assert.True(engine.CheckPrediction("ch4.prediction-port-ferme", closed).Passed);
    }
}
