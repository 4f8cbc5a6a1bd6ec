namespace NetCourse.Course;

/// <summary>
/// A chapter's exercises. Any non-abstract class of the library implementing it (with a parameterless constructor) is
/// found by <see cref="ExerciseRegistry"/>: adding a chapter's file is all it takes (no list to edit).
/// </summary>
public interface IChapterExercises
{
    /// <summary>The exercises, in the order the chapter asks them.</summary>
    IReadOnlyList<ExerciseDefinition> Exercises { get; }
}
