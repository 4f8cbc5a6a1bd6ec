using NetCourse.Course;

namespace NetCourse.Tests.Course;

public class ExerciseTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData(" 127.0.0.1 ", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("???", false)]
    [InlineData(null, false)]
    public void An_answer_is_checked_trimmed(string? answer, bool passed)
    {
        var result = Exercise.Check("boucle", answer, "127.0.0.1", "indice", "solution");

        Assert.Equal(passed, result.Passed);
        Assert.Equal(passed, result.ToHtml().Contains("Bravo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_answer_shows_the_hint_and_hides_the_solution()
    {
        var html = Exercise.Check("boucle", "10.0.0.1", "127.0.0.1", "commence par 127", "la réponse").ToHtml();

        Assert.Contains("commence par 127", html);
        Assert.Contains("<details", html);
        // Drawn as a button: Jupyter's stylesheet hides the bare summary's disclosure triangle.
        Assert.Matches("<summary style=\"[^\"]*cursor:pointer;background:#[0-9a-f]{6}[^\"]*\">Voir la solution</summary>", html);
    }
}
