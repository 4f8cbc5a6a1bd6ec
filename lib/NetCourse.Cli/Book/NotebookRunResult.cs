namespace NetCourse.Cli.Book;

/// <summary>What executing one notebook with the real kernel gave.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Cells">How many cells it has.</param>
/// <param name="CodeCells">How many of them are code.</param>
/// <param name="Errors">The failed cells.</param>
/// <param name="Seconds">Wall time, kernel start included.</param>
/// <param name="KernelStartSeconds">Time until the kernel answered.</param>
/// <param name="TimedOut">True when a cell ran past its bound.</param>
public sealed record NotebookRunResult(string Notebook, int Cells, int CodeCells, IReadOnlyList<NotebookError> Errors,
    double Seconds, double KernelStartSeconds, bool TimedOut)
{
    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Errors.Count == 0;
}
