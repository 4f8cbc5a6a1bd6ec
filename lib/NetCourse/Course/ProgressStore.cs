using System.Text.Json;

namespace NetCourse.Course;

/// <summary>
/// The student's progress file: one <see cref="ExerciseProgress"/> per exercise, in JSON, at
/// <c>~/.local/share/netcourse/progress.json</c> unless <c>NETCOURSE_PROGRESS</c> names another file (tests, the book).
/// Written atomically (a temporary file renamed over the old one); a missing, unreadable or corrupt file reads as
/// empty and never throws; a write that fails is skipped (the verdict is still shown).
/// </summary>
public sealed class ProgressStore
{
    /// <summary>The environment variable that overrides the file's path.</summary>
    public const string PathVariable = "NETCOURSE_PROGRESS";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    /// <summary>A store at <paramref name="path"/>.</summary>
    public ProgressStore(string path) => Path = path;

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The store the notebooks use: <c>NETCOURSE_PROGRESS</c>, else <c>~/.local/share/netcourse/progress.json</c>.</summary>
    public static ProgressStore Default() => new(DefaultPath());

    /// <summary>The default file's path.</summary>
    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path) return path;
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return System.IO.Path.Combine(data, "netcourse", "progress.json");
    }

    /// <summary>Every exercise's progress, by id (empty when the file is missing or unreadable).</summary>
    public IReadOnlyDictionary<string, ExerciseProgress> Read()
    {
        lock (_gate)
            return ReadUnlocked();
    }

    /// <summary>The progress of one exercise, or null.</summary>
    public ExerciseProgress? Get(string id) => Read().GetValueOrDefault(id);

    /// <summary>Changes one exercise's entry (read, change, atomic write); returns the new entry.</summary>
    public ExerciseProgress Update(string id, string kind, Func<ExerciseProgress, ExerciseProgress> change)
    {
        lock (_gate)
        {
            var all = new Dictionary<string, ExerciseProgress>(ReadUnlocked(), StringComparer.OrdinalIgnoreCase);
            var before = all.GetValueOrDefault(id) ?? new ExerciseProgress(id, kind, false, 0, false, "", DateTime.UtcNow);
            var after = change(before) with { Id = id, Kind = kind, Updated = DateTime.UtcNow };
            all[id] = after;
            Write(all);
            return after;
        }
    }

    /// <summary>Forgets everything (a fresh start).</summary>
    public void Clear()
    {
        lock (_gate)
            Write(new Dictionary<string, ExerciseProgress>());
    }

    private Dictionary<string, ExerciseProgress> ReadUnlocked()
    {
        try
        {
            if (!File.Exists(Path)) return new(StringComparer.OrdinalIgnoreCase);
            var entries = JsonSerializer.Deserialize<List<ExerciseProgress>>(File.ReadAllText(Path), Json) ?? [];
            return entries.Where(e => e is { Id: not null, Kind: not null, LastAnswer: not null })
                .GroupBy(e => e.Id, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return new(StringComparer.OrdinalIgnoreCase); // corrupt or unreadable: start afresh, the next write repairs it
        }
    }

    private void Write(Dictionary<string, ExerciseProgress> all)
    {
        var temporary = $"{Path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } folder)
                Directory.CreateDirectory(folder);
            File.WriteAllText(temporary, JsonSerializer.Serialize(all.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList(), Json));
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // A read-only home must not cost the student the verdict: progress is just not kept.
            try { File.Delete(temporary); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
        }
    }
}
