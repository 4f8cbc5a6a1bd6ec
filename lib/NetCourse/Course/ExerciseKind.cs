namespace NetCourse.Course;

/// <summary>What the student hands in.</summary>
public enum ExerciseKind
{
    /// <summary>An answer (a word, a number, an address, a list), possibly a prediction checked after a run.</summary>
    Question,

    /// <summary>Code (a C# lambda) that the engine runs against real servers and clients, bounded in time.</summary>
    Code,
}
