using NetCourse.Book;

namespace NetCourse.TestSupport;

/// <summary>
/// Where the tests find the course's repository and its captures (<c>data/</c>), without going through the CLI:
/// library tests reach the library alone.
/// </summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder holding NetCourse.sln).</summary>
    public static string Root { get; } = RepositoryRoot.Find();

    /// <summary>The <c>data/</c> folder, where the project's own captures are.</summary>
    public static string Data { get; } = Path.Combine(Root, "data");

    /// <summary>The path of the capture <paramref name="name"/> in <c>data/</c>.</summary>
    public static string Capture(string name) => Path.Combine(Data, name);

    /// <summary>The captures of <c>data/</c> matching <paramref name="pattern"/>, in ordinal order (a stable theory order).</summary>
    public static string[] Captures(string pattern = "*.pcap*") =>
        [.. Directory.GetFiles(Data, pattern).Order(StringComparer.Ordinal)];
}
