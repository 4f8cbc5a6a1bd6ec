namespace NetCourse.Notebooks.Tests;

public class ChapterExecutionTests
{
    [Theory]
    [MemberData(nameof(NotebookFixture.Chapters), MemberType = typeof(NotebookFixture))]
    public async Task Every_chapter_runs_in_the_real_kernel_with_no_cell_error(string notebook)
    {
        var slug = Path.GetFileNameWithoutExtension(notebook);
        var result = await NotebookFixture.Runner.RunAsync(
            Path.Combine(NotebookFixture.Root, "notebooks", notebook),
            Path.Combine(NotebookFixture.OutputFolder, slug + ".ipynb"),
            Path.Combine(NotebookFixture.OutputFolder, slug + ".html"),
            cellTimeout: TimeSpan.FromSeconds(180), runs: NotebookFixture.Runs);

        Assert.True(result.Succeeded, NotebookFixture.Describe(result));
        Assert.True(result.CodeCells > 0, $"{notebook} has no code cell");
    }
}
