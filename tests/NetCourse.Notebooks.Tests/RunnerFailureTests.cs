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

    [Fact]
    public async Task A_kernel_that_dies_once_at_start_is_started_again()
    {
        using var kernels = FlakyKernel.Create(diesEveryTime: false);
        var result = await RunTinyNotebookAsync(kernels, "flaky-once.ipynb");

        Assert.True(result.Succeeded, string.Join(" / ", result.Errors.Select(e => e.Message)));
        Assert.True(File.Exists(kernels.Marker), "the flaky kernel never ran its failing first start");
    }

    [Fact]
    public async Task A_kernel_that_cannot_start_is_reported_with_its_own_words_not_a_traceback()
    {
        using var kernels = FlakyKernel.Create(diesEveryTime: true);
        var result = await RunTinyNotebookAsync(kernels, "flaky-always.ipynb");

        Assert.True(result.KernelDied);
        var error = Assert.Single(result.Errors);
        Assert.Contains(FlakyKernel.Words, error.Message);
        Assert.DoesNotContain("Traceback", error.Message);
    }

    private static async Task<NetCourse.Book.NotebookRunResult> RunTinyNotebookAsync(FlakyKernel kernels, string name)
    {
        var notebook = Path.Combine(kernels.Folder, name);
        await File.WriteAllTextAsync(notebook, """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "c1", "metadata": {}, "outputs": [],
              "source": ["1 + 1"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        return await (await NotebookFixture.RunnerAsync()).RunAsync(notebook,
            Path.Combine(NotebookFixture.OutputFolder, name), null, TimeSpan.FromSeconds(60),
            environment: new Dictionary<string, string> { ["JUPYTER_PATH"] = kernels.Folder });
    }

    /// <summary>
    /// A kernel spec named as the course's, found first through JUPYTER_PATH: its first start (or every start) exits at
    /// once, as a kernel does when another process took its port; otherwise it starts the real kernel.
    /// </summary>
    private sealed class FlakyKernel : IDisposable
    {
        public const string Words = "noyau de test : démarrage raté";

        private FlakyKernel(string folder) => Folder = folder;

        public string Folder { get; }

        public string Marker => Path.Combine(Folder, "first-start-done");

        public static FlakyKernel Create(bool diesEveryTime)
        {
            var kernels = new FlakyKernel(Directory.CreateTempSubdirectory("nc-flaky-kernel-").FullName);
            var spec = Directory.CreateDirectory(Path.Combine(kernels.Folder, "kernels", ".net-csharp")).FullName;
            var fail = $"echo '{Words}' >&2; exit 1";
            var script = diesEveryTime
                ? fail
                : $"if [ ! -e '{kernels.Marker}' ]; then touch '{kernels.Marker}'; {fail}; fi; "
                  + $"cd '{NotebookFixture.Root}' && exec dotnet interactive jupyter --default-kernel csharp \"$0\" "
                  + "--http-local-only --http-port-range 2048-3000";
            var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["argv"] = new[] { "bash", "-c", script, "{connection_file}" },
                ["display_name"] = ".NET (C#)",
                ["language"] = "C#",
            });
            File.WriteAllText(Path.Combine(spec, "kernel.json"), json);
            return kernels;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
