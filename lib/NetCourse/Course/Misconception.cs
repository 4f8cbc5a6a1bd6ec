namespace NetCourse.Course;

/// <summary>A typical wrong answer and what to tell a student who gives it (a targeted explanation, not the solution).</summary>
/// <param name="Answers">The wrong answers, compared like a text answer (case, accents, articles ignored).</param>
/// <param name="Message">What the student is told, in French.</param>
public sealed record Misconception(IReadOnlyList<string> Answers, string Message);
