using NetCourse.Book;

namespace NetCourse.Notebooks.Tests;

/// <summary>Where the repository and its notebooks are, and a runner for them.</summary>
public static class NotebookFixture
{
    public static string Root { get; } = TestPaths.Root;

    private static readonly NotebookRunner Runner = new(Root);

    private static readonly Lazy<Task<string?>> KernelProblem =
        new(() => KernelCheck.EnsureAsync(Root, line => Console.Error.WriteLine(line)));

    /// <summary>
    /// The runner, once the kernel is known to start (checked once per test run, as <c>netcourse book</c> does): when it
    /// cannot start, every notebook test fails at once with the check's short French message, not with a traceback.
    /// </summary>
    public static async Task<NotebookRunner> RunnerAsync()
    {
        if (await KernelProblem.Value is { } problem) Assert.Fail(problem);
        return Runner;
    }

    public static string OutputFolder { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "notebook-tests")).FullName;

    /// <summary>Each chapter, by file name.</summary>
    public static TheoryData<string> Chapters()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    /// <summary>How many times each chapter runs in one kernel (2 proves a chapter can be re-run).</summary>
    public static int Runs => int.TryParse(Environment.GetEnvironmentVariable("NETCOURSE_NOTEBOOK_RUNS"), out var runs) ? runs : 2;

    public static string Describe(NotebookRunResult result) =>
        $"{result.Notebook}: " + string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString()));
}
