using System.Globalization;
using System.Text;

namespace NetCourse.Classroom;

/// <summary>
/// The line a student's notebook sends to share exercise progress (opt-in): <c>/progression 2:3/4 5:1/2</c>, one
/// <c>chapter:done/total</c> per chapter. The server recognises it, shows it on the dashboard and relays it to nobody.
/// </summary>
public static class SharedProgress
{
    /// <summary>The command word that starts the line.</summary>
    public const string Command = "/progression";

    /// <summary>The line for <paramref name="chapters"/> (chapters out of range are left out).</summary>
    public static string Format(IEnumerable<ChapterProgress> chapters)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        var line = new StringBuilder(Command);
        foreach (var c in chapters.Where(IsValid).DistinctBy(c => c.Chapter).OrderBy(c => c.Chapter).Take(100))
            line.Append(CultureInfo.InvariantCulture, $" {c.Chapter}:{c.Done}/{c.Total}");
        return line.ToString();
    }

    /// <summary>Reads a progress line; false when <paramref name="line"/> is not one or is malformed.</summary>
    public static bool TryParse(string line, out IReadOnlyList<ChapterProgress> chapters)
    {
        chapters = [];
        if (line is null || !(line == Command || line.StartsWith(Command + " ", StringComparison.Ordinal))) return false;
        var found = new List<ChapterProgress>();
        foreach (var item in line[Command.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (colon <= 0 || slash <= colon) return false;
            if (!int.TryParse(item.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var chapter)
                || !int.TryParse(item.AsSpan(colon + 1, slash - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var done)
                || !int.TryParse(item.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
                return false;
            var progress = new ChapterProgress(chapter, done, total);
            if (!IsValid(progress)) return false;
            found.Add(progress);
        }
        if (found.Count is 0 or > 100) return false;
        chapters = found.DistinctBy(c => c.Chapter).OrderBy(c => c.Chapter).ToArray();
        return true;
    }

    private static bool IsValid(ChapterProgress c) => c.Chapter is >= 0 and < 100 && c.Total is > 0 and <= 1000 && c.Done >= 0 && c.Done <= c.Total;
}
