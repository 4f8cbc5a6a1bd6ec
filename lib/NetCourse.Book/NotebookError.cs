namespace NetCourse.Book;

/// <summary>A failed cell: which run, which cell (1-based, counting every cell), and the error.</summary>
/// <param name="Run">The run (1 or 2; 0 when the failure stopped the run).</param>
/// <param name="Cell">The 1-based cell number (0 when not tied to a cell).</param>
/// <param name="Name">The error's name.</param>
/// <param name="Message">The error's message.</param>
public sealed record NotebookError(int Run, int Cell, string Name, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"cellule {Cell}{(Run > 1 ? $" (exécution {Run})" : "")} : {Name}: {Message}";
}
