namespace NetCourse.Course;

/// <summary>
/// One exercise of the course, kept in the library (never in a cell): its id (<c>chN.objectif</c>), its question,
/// what is accepted, a hint, the explanation shown once it is right, and, for code exercises, how the code is run.
/// Chapters declare theirs in a class implementing <see cref="IChapterExercises"/>.
/// </summary>
public sealed class ExerciseDefinition
{
    /// <summary>The id, <c>chN.objectif</c> (for example <c>ch1.lan-wan</c>): the chapter number comes from it.</summary>
    public required string Id { get; init; }

    /// <summary>A short French title (« LAN ou WAN »).</summary>
    public required string Title { get; init; }

    /// <summary>The question, in French, as the notebook's text asks it (shown in lists and when the id is unknown).</summary>
    public required string Question { get; init; }

    /// <summary>Question or code.</summary>
    public ExerciseKind Kind { get; init; } = ExerciseKind.Question;

    /// <summary>True for a prediction: recorded with <c>Exercices.Predire</c> before a live cell, checked after it.</summary>
    public bool IsPrediction { get; init; }

    /// <summary>Shown after the first wrong try.</summary>
    public required string Hint { get; init; }

    /// <summary>Shown when the answer is right, and with the solution: why it is right.</summary>
    public required string Explanation { get; init; }

    /// <summary>
    /// The rule for a question, given the object the cell passes (its run's result, a capture…; null when none is
    /// needed). Returns null when that object is missing or of the wrong type. Use <see cref="Fixed"/> or <see cref="From{T}"/>.
    /// </summary>
    public Func<object?, AnswerRule?>? Rule { get; init; }

    /// <summary>For questions computed from the student's run: what the cell must pass, in French (« le résultat du balayage, <c>balayage</c> »).</summary>
    public string? ContextHelp { get; init; }

    /// <summary>Builds a realistic context object, for the tests (null when the rule needs none).</summary>
    public Func<object?>? SampleContext { get; init; }

    /// <summary>Typical wrong answers and what to tell the student.</summary>
    public IReadOnlyList<Misconception> Misconceptions { get; init; } = [];

    /// <summary>The code part, for a <see cref="ExerciseKind.Code"/> exercise written in C# (a lambda).</summary>
    public CodeExercise? Code { get; init; }

    /// <summary>The code part, for a <see cref="ExerciseKind.Code"/> exercise written as a Wireshark display filter.</summary>
    public FilterExercise? Filter { get; init; }

    /// <summary>The chapter, read from the id (<c>ch3.nat</c> → 3); -1 when the id does not say.</summary>
    public int Chapter => Id.StartsWith("ch", StringComparison.Ordinal) && Id.IndexOf('.') is var dot && dot > 2
        && int.TryParse(Id.AsSpan(2, dot - 2), out var n) ? n : -1;

    /// <summary>A rule that does not depend on the run.</summary>
    public static Func<object?, AnswerRule?> Fixed(AnswerRule rule) => _ => rule;

    /// <summary>A rule computed from the object the cell passes, when it is a <typeparamref name="T"/>.</summary>
    public static Func<object?, AnswerRule?> From<T>(Func<T, AnswerRule?> rule) => context => context is T t ? rule(t) : null;
}
