namespace NetCourse.Course;

/// <summary>Checks a student's answer in a notebook cell. Never throws: a wrong answer is a red verdict, not an error.</summary>
public static class Exercise
{
    /// <summary>Checks <paramref name="answer"/> against <paramref name="expected"/> (trimmed, case-insensitive).</summary>
    public static ExerciseResult Check(string name, string? answer, string expected, string hint, string solution)
    {
        var given = (answer ?? "").Trim();
        var passed = string.Equals(given, expected.Trim(), StringComparison.OrdinalIgnoreCase);
        var feedback = passed ? $"« {given} » est la bonne réponse."
            : given.Length == 0 || given.Contains("???", StringComparison.Ordinal) ? "Remplacez ??? par votre réponse puis ré-exécutez la cellule."
            : $"« {given} » n'est pas la réponse attendue.";
        return new ExerciseResult(name, passed, feedback, hint, solution);
    }

    /// <summary>Records a verdict computed by the caller (for answers checked against live data).</summary>
    public static ExerciseResult Verdict(string name, bool passed, string feedback, string hint, string solution) =>
        new(name, passed, feedback, hint, solution);
}
