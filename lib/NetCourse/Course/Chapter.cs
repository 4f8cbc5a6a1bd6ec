using System.Reflection;

namespace NetCourse.Course;

/// <summary>Entry point of a chapter's first cell.</summary>
public static class Chapter
{
    /// <summary>
    /// The version of the NetCourse library that is loaded: the package's (per-build) version when the kernel loaded it
    /// from NuGet (…/netcourse.lib/VERSION/lib/…), else the assembly's.
    /// </summary>
    public static string LibraryVersion { get; } = PackageVersion(typeof(Chapter).Assembly.Location)
        ?? typeof(Chapter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "?";

    private static string? PackageVersion(string assemblyPath)
    {
        var parts = assemblyPath.Replace('\\', '/').Split('/');
        var index = Array.FindLastIndex(parts, p => p.Equals("netcourse.lib", StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : null;
    }

    /// <summary>
    /// Opens a chapter: stops whatever an earlier run of this notebook left running in the kernel, and returns the
    /// banner (which also inlines plotly.js for the chapter's charts).
    /// </summary>
    public static ChapterBanner Open(int number, string title)
    {
        LiveResources.StopAllAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return new ChapterBanner(number, title, LibraryVersion);
    }
}
