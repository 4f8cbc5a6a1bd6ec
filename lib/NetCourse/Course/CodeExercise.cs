namespace NetCourse.Course;

/// <summary>
/// The code part of a <see cref="ExerciseKind.Code"/> exercise: the shape of the lambda the student writes, how the
/// engine runs it (against a real server, a real client, a capture…), and the reference solution the instructor's
/// book runs instead.
/// </summary>
public sealed class CodeExercise
{
    /// <summary>The delegate type the student's lambda must have, e.g. <c>Func&lt;string, int, Task&lt;string&gt;&gt;</c>.</summary>
    public required Type DelegateType { get; init; }

    /// <summary>The lambda's shape as the student writes it, for messages: <c>async (string hote, int port) =&gt; …</c>.</summary>
    public required string Signature { get; init; }

    /// <summary>Runs the student's delegate (already of <see cref="DelegateType"/>) and reports what it did. Must honour the token.</summary>
    public required Func<Delegate, CancellationToken, Task<CodeReport>> Run { get; init; }

    /// <summary>The reference solution, as a delegate of <see cref="DelegateType"/>.</summary>
    public required Delegate Reference { get; init; }

    /// <summary>The reference solution as C# source, shown as the solution.</summary>
    public required string SolutionCode { get; init; }

    /// <summary>
    /// A typical wrong solution of <see cref="DelegateType"/> (often the notebook's starting code when it already does
    /// something): the tests check it fails, and the course's exercise table shows what the engine tells it.
    /// </summary>
    public required Delegate TypicalMistake { get; init; }

    /// <summary>The bound on one check (the student's code included).</summary>
    public TimeSpan Bound { get; init; } = TimeSpan.FromSeconds(15);
}
