namespace NetCourse.Book;

/// <summary>What executing one notebook with the real kernel gave.</summary>
/// <param name="Notebook">The notebook's file name.</param>
/// <param name="Cells">How many cells it has.</param>
/// <param name="CodeCells">How many of them are code.</param>
/// <param name="Errors">The failed cells.</param>
/// <param name="Seconds">Wall time, kernel start included.</param>
/// <param name="KernelStartSeconds">Time until the kernel answered.</param>
/// <param name="TimedOut">True when a cell ran past its bound.</param>
/// <param name="CellSeconds">Seconds per code cell of the first run, by 1-based cell number.</param>
public sealed record NotebookRunResult(string Notebook, int Cells, int CodeCells, IReadOnlyList<NotebookError> Errors,
    double Seconds, double KernelStartSeconds, bool TimedOut, IReadOnlyDictionary<int, double> CellSeconds)
{
    /// <summary>Seconds of the first code cell: loading the NetCourse package (restore included).</summary>
    public double LoadSeconds => CellSeconds.Count == 0 ? 0 : CellSeconds[CellSeconds.Keys.Min()];

    /// <summary>Seconds of the other code cells of the first run.</summary>
    public double OtherCellsSeconds => CellSeconds.Values.Sum() - LoadSeconds;

    /// <summary>True when the kernel died or never answered (not a cell's own error): the next chapters would fail alike.</summary>
    public bool KernelDied => Errors.Any(e => e.Cell == 0 && (e.Name is "DeadKernelError" or "RunnerError"
        || e.Message.Contains("Kernel died", StringComparison.Ordinal) || e.Message.Contains("NoSuchKernel", StringComparison.Ordinal)));

    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Errors.Count == 0;
}
