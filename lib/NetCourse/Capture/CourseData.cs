namespace NetCourse.Capture;

/// <summary>
/// The recorded captures of the course (the repository's <c>data/</c> folder, see data/README.md). They are looked up
/// in a <c>data/</c> folder above the current directory (a notebook runs in <c>notebooks/</c>), then in the copy
/// embedded in the library, so the fallback works wherever the notebook is opened.
/// </summary>
public static class CourseData
{
    private const string ResourcePrefix = "NetCourse.Data.";

    /// <summary>The names of the captures embedded in the library.</summary>
    public static IReadOnlyList<string> EmbeddedNames =>
        typeof(CourseData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The path of <c>data/<paramref name="name"/></c> on disk, or null when no such folder holds it.</summary>
    public static string? FindFile(string name)
    {
        if (!IsPlainName(name)) return null;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Reads the recorded capture <paramref name="name"/> (for example <c>06-tcp-handshake.pcap</c>).</summary>
    /// <exception cref="FileNotFoundException">No such capture, in French.</exception>
    public static PacketTrace Load(string name)
    {
        if (FindFile(name) is { } path)
        {
            using var file = File.OpenRead(path);
            return PacketTrace.Load(file, $"capture enregistrée data/{name}");
        }
        using var stream = IsPlainName(name) ? typeof(CourseData).Assembly.GetManifestResourceStream(ResourcePrefix + name) : null;
        if (stream is null)
            throw new FileNotFoundException($"capture enregistrée introuvable : data/{name} (captures connues : {string.Join(", ", EmbeddedNames)}).", name);
        return PacketTrace.Load(stream, $"capture enregistrée data/{name}");
    }

    private static bool IsPlainName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name.IndexOfAny(['/', '\\']) < 0 && name != ".." && name != ".";
}
