namespace NetCourse.Classroom;

/// <summary>A student's exercise progress in one chapter, as shared with the class's dashboard.</summary>
/// <param name="Chapter">The chapter number (0–99).</param>
/// <param name="Done">Exercises passed.</param>
/// <param name="Total">Exercises in the chapter.</param>
public sealed record ChapterProgress(int Chapter, int Done, int Total)
{
    /// <inheritdoc />
    public override string ToString() => $"chapitre {Chapter} : {Done}/{Total}";
}
