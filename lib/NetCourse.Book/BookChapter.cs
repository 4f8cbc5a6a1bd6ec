namespace NetCourse.Book;

/// <summary>One chapter of the book: its notebook, title, page and how its run went.</summary>
/// <param name="Slug">The notebook's name without extension (NN-slug).</param>
/// <param name="Title">The first heading of the notebook.</param>
/// <param name="Result">The execution result.</param>
/// <param name="Exercises">The chapter's exercises and whether the run passed them.</param>
public sealed record BookChapter(string Slug, string Title, NotebookRunResult Result, IReadOnlyList<BookExercise> Exercises)
{
    /// <summary>Exercises passed in this run.</summary>
    public int ExercisesPassed => Exercises.Count(e => e.Passed);

    /// <summary>The chapter's page, relative to the book's folder.</summary>
    public string Page => $"{Slug}.html";
}
