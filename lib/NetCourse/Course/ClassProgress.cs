using NetCourse.Classroom;

namespace NetCourse.Course;

/// <summary>
/// The student's exercise progress, chapter by chapter, in the form the class's dashboard shows
/// (<see cref="ChapterProgress"/>): what a notebook sends when the student chooses to share it.
/// </summary>
public static class ClassProgress
{
    /// <summary>For every chapter with exercises: how many of them <paramref name="store"/> records as passed.</summary>
    public static IReadOnlyList<ChapterProgress> FromStore(ProgressStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var progress = store.Read();
        return ExerciseRegistry.All
            .GroupBy(e => e.Chapter)
            .Where(g => g.Key is >= 0 and < 100)
            .OrderBy(g => g.Key)
            .Select(g => new ChapterProgress(g.Key, g.Count(e => progress.TryGetValue(e.Id, out var p) && p.Passed), g.Count()))
            .ToArray();
    }

    /// <summary>The progress recorded by this notebook's exercise engine (its progress file).</summary>
    public static IReadOnlyList<ChapterProgress> Mine() => FromStore(Exercices.Moteur.Store);
}
