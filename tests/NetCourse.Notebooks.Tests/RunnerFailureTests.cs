namespace NetCourse.Notebooks.Tests;

/// <summary>The notebook test must be able to fail: a broken notebook and a hanging one are reported, cell by cell.</summary>
public class RunnerFailureTests
{
    private static string Broken(string name) => Path.Combine(NotebookFixture.Root, "tests", "NetCourse.Notebooks.Tests", "Broken", name);

    [Fact]
    public async Task A_failing_cell_is_reported_with_its_number_and_error()
    {
        var result = await (await NotebookFixture.RunnerAsync()).RunAsync(Broken("99-cellule-en-erreur.ipynb"),
            Path.Combine(NotebookFixture.OutputFolder, "broken-error.ipynb"), null, TimeSpan.FromSeconds(60));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Cell);
        Assert.Contains("division volontaire", error.Message);
    }

    [Fact]
    public async Task A_cell_past_its_time_bound_is_reported_as_a_timeout()
    {
        var result = await (await NotebookFixture.RunnerAsync()).RunAsync(Broken("98-cellule-trop-longue.ipynb"),
            Path.Combine(NotebookFixture.OutputFolder, "broken-timeout.ipynb"), null, TimeSpan.FromSeconds(5));

        Assert.True(result.TimedOut);
        var error = Assert.Single(result.Errors);
        Assert.Equal("CellTimeoutError", error.Name);
        Assert.Equal(2, error.Cell);
    }
}
