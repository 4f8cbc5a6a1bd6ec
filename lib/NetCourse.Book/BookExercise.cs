namespace NetCourse.Book;

/// <summary>One exercise of a chapter, as the book's run left it (read from the progress file the kernel wrote).</summary>
/// <param name="Id">The exercise's id (<c>ch1.lan-wan</c>).</param>
/// <param name="Kind">« question » or « code ».</param>
/// <param name="Passed">True when the run passed it.</param>
/// <param name="Checked">True when a cell of the run checked it at all (false: no cell calls it).</param>
public sealed record BookExercise(string Id, string Kind, bool Passed, bool Checked);
