using System.Reflection;

namespace NetCourse.Interactive;

/// <summary>Entry point of a chapter's first cell.</summary>
public static class Chapter
{
    /// <summary>The version of the NetCourse library that is loaded.</summary>
    public static string LibraryVersion { get; } =
        typeof(Chapter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(Chapter).Assembly.GetName().Version?.ToString() ?? "?";

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
