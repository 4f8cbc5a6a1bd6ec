namespace NetCourse.Course;

/// <summary>Every exercise of the course, by id, collected from the library's <see cref="IChapterExercises"/> classes.</summary>
public static class ExerciseRegistry
{
    private static readonly Lazy<IReadOnlyList<ExerciseDefinition>> Everything = new(Collect);

    /// <summary>All exercises, by chapter then in the chapter's order.</summary>
    public static IReadOnlyList<ExerciseDefinition> All => Everything.Value;

    /// <summary>Ids declared more than once (should be none).</summary>
    public static IReadOnlyList<string> DuplicateIds { get; private set; } = [];

    /// <summary>The exercise <paramref name="id"/> (case and spaces ignored), or null.</summary>
    public static ExerciseDefinition? Find(string? id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, (id ?? "").Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The exercises of chapter <paramref name="chapter"/>.</summary>
    public static IReadOnlyList<ExerciseDefinition> OfChapter(int chapter) => All.Where(e => e.Chapter == chapter).ToArray();

    private static ExerciseDefinition[] Collect()
    {
        var chapters = typeof(ExerciseRegistry).Assembly.GetTypes()
            .Where(t => typeof(IChapterExercises).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IChapterExercises)Activator.CreateInstance(t)!);
        // A duplicated id keeps its first declaration (the engine never throws); DuplicateIds lets a test catch it.
        var all = chapters.SelectMany(c => c.Exercises).OrderBy(e => e.Chapter).ToArray();
        DuplicateIds = all.GroupBy(e => e.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        return all.DistinctBy(e => e.Id, StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
