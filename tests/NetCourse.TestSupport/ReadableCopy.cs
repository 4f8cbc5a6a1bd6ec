using System.Collections.Concurrent;
using NetCourse.Platform;
using Xunit;

namespace NetCourse.TestSupport;

/// <summary>
/// Copies of what an unprivileged user must read, in a folder every user can read. A clone may live in a folder only
/// its owner can enter (<c>/root</c>, any <c>mktemp -d</c>): tests that run something as <c>nobody</c> hand it a copy
/// instead of assuming the clone is world-readable. The copies are deleted when the test process ends.
/// </summary>
public static class ReadableCopy
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Copies = new(StringComparer.Ordinal);

    static ReadableCopy() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var copy in Copies.Values.Where(c => c.IsValueCreated))
        {
            try { Directory.Delete(copy.Value, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    };

    /// <summary>
    /// A folder readable by every user holding a copy of each of <paramref name="relativePaths"/> (files or folders)
    /// of <paramref name="root"/>, at the same relative place. Made once per root and list.
    /// </summary>
    /// <param name="root">The folder the paths are relative to.</param>
    /// <param name="relativePaths">What to copy.</param>
    public static string Of(string root, params string[] relativePaths)
    {
        var key = root + "\n" + string.Join("\n", relativePaths);
        return Copies.GetOrAdd(key, _ => new Lazy<string>(() => Make(root, relativePaths))).Value;
    }

    private static string Make(string root, string[] relativePaths)
    {
        var copy = Directory.CreateTempSubdirectory("netcourse-readable-").FullName;
        foreach (var relative in relativePaths)
        {
            var source = Path.Combine(root, relative);
            var target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var cp = ExternalCommand.Run("cp", ["-R", source, target], TimeSpan.FromSeconds(60));
            Assert.True(cp.Succeeded, $"cp -R {source} {target} : {cp.Error}");
        }
        // Folders 755, files 644 (and executables 755): every user can read, nobody else can write.
        var chmod = ExternalCommand.Run("chmod", ["-R", "u+rwX,go+rX,go-w", copy], TimeSpan.FromSeconds(60));
        Assert.True(chmod.Succeeded, chmod.Error);
        return copy;
    }
}
