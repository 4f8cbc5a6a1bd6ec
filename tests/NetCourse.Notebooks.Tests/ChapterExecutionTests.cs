namespace NetCourse.Notebooks.Tests;

public class ChapterExecutionTests
{
    [Theory]
    [MemberData(nameof(NotebookFixture.Chapters), MemberType = typeof(NotebookFixture))]
    public async Task Every_chapter_runs_in_the_real_kernel_with_no_cell_error(string notebook)
    {
        var slug = Path.GetFileNameWithoutExtension(notebook);
        var result = await (await NotebookFixture.RunnerAsync()).RunAsync(
            Path.Combine(NotebookFixture.Root, "notebooks", notebook),
            Path.Combine(NotebookFixture.OutputFolder, slug + ".ipynb"),
            Path.Combine(NotebookFixture.OutputFolder, slug + ".html"),
            cellTimeout: TimeSpan.FromSeconds(180), runs: NotebookFixture.Runs);

        Assert.True(result.Succeeded, NotebookFixture.Describe(result));
        Assert.True(result.CodeCells > 0, $"{notebook} has no code cell");
        AssertNothingLeftBehind(notebook);
    }

    /// <summary>Once the kernel has ended, the chapter left no lab namespace and no course server listening.</summary>
    private static void AssertNothingLeftBehind(string notebook)
    {
        var namespaces = File.Exists("/usr/sbin/ip") || File.Exists("/usr/bin/ip")
            ? NetCourse.Platform.ExternalCommand.Run("ip", ["netns", "list"], TimeSpan.FromSeconds(10)).Output
            : "";
        // The chapters' lab is "nc-lab" (library tests use random nc-tXXXX names, so parallel test runs do not interfere).
        Assert.DoesNotContain("nc-lab", namespaces);
        Assert.False(Directory.Exists("/sys/class/net/nc-lab0"), $"{notebook}: the lab's link nc-lab0 is still there");
        // Only this user's listeners: the kernel runs as this user, and another user's server on a course port (a
        // classmate's chapter, a root test run) was not left behind by this chapter.
        var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        int[] coursePorts = [12800, 12801, 8080, 5353];
        // The owner is looked up (a walk through /proc) only for listeners on a course port.
        var leftBehind = File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[3] == "0A" && f[7] == uid) // LISTEN, owned by this user
            .Select(f => (Port: Convert.ToInt32(f[1].Split(':')[1], 16), Inode: f[9]))
            .Where(l => coursePorts.Contains(l.Port) && !OwnedByLibraryTests(l.Inode))
            .Select(l => l.Port)
            .ToHashSet();
        foreach (var coursePort in coursePorts)
            Assert.False(leftBehind.Contains(coursePort), $"{notebook}: port {coursePort} still listens after the kernel ended");
    }

    /// <summary>
    /// True when the listening socket <paramref name="inode"/> belongs to the library tests' host: `dotnet test
    /// NetCourse.sln` runs both test projects at once, and the library tests bind the course ports too (12800 for
    /// the chapter 5 exercises), as root in CI like this kernel.
    /// </summary>
    private static bool OwnedByLibraryTests(string inode)
    {
        var link = $"socket:[{inode}]";
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out _))
                continue;
            try
            {
                if (!Directory.EnumerateFiles(Path.Combine(process, "fd")).Any(fd => new FileInfo(fd).LinkTarget == link))
                    continue;
                return File.ReadAllText(Path.Combine(process, "cmdline")).Contains("NetCourse.Tests.deps.json", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile, or is another user's: not the library tests.
            }
        }
        return false;
    }
}
