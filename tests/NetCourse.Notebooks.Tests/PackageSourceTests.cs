using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// A chapter loads only the NetCourse.Lib built from this clone, even when another feed the machine knows offers a
/// higher version of the same name (a squatter on a public feed).
/// </summary>
public class PackageSourceTests
{
    private const string SquatterVersion = "99.0.0";

    [Fact]
    public async Task A_higher_versioned_NetCourse_Lib_on_another_feed_is_never_loaded()
    {
        var place = Directory.CreateTempSubdirectory("nc-squatter-");
        try
        {
            // The course's layout: the committed notebooks/nuget.config byte for byte, this clone's local feed, and its
            // tool manifest (the kernel is the pinned local tool `dotnet interactive`).
            Directory.CreateDirectory(Path.Combine(place.FullName, ".config"));
            File.Copy(Path.Combine(NotebookFixture.Root, ".config", "dotnet-tools.json"),
                Path.Combine(place.FullName, ".config", "dotnet-tools.json"));
            var notebooks = Directory.CreateDirectory(Path.Combine(place.FullName, "notebooks")).FullName;
            File.Copy(Path.Combine(NotebookFixture.Root, "notebooks", "nuget.config"), Path.Combine(notebooks, "nuget.config"));
            Directory.CreateDirectory(Path.Combine(place.FullName, "artifacts"));
            Directory.CreateSymbolicLink(Path.Combine(place.FullName, "artifacts", "pkgs"),
                Path.Combine(NotebookFixture.Root, "artifacts", "pkgs"));

            // Another feed, known from a configuration above the course's folder, offering NetCourse.Lib 99.0.0.
            var feed = Directory.CreateDirectory(Path.Combine(place.FullName, "squatter-feed")).FullName;
            WriteSquatterPackage(Path.Combine(feed, $"NetCourse.Lib.{SquatterVersion}.nupkg"));
            File.WriteAllText(Path.Combine(place.FullName, "nuget.config"),
                "<configuration><packageSources><add key=\"squatter\" value=\"squatter-feed\" /></packageSources></configuration>");

            var notebook = Path.Combine(notebooks, "00-squatter.ipynb");
            File.WriteAllText(notebook, Notebook(
                "#r \"nuget: NetCourse.Lib, *-*\"",
                "Console.WriteLine(\"chargé depuis \" + typeof(NetCourse.Html.HtmlText).Assembly.Location);"));
            var executed = Path.Combine(place.FullName, "executed.ipynb");

            var result = await (await NotebookFixture.RunnerAsync()).RunAsync(notebook, executed, null, TimeSpan.FromSeconds(180));

            var outputs = File.Exists(executed) ? File.ReadAllText(executed) : "";
            Assert.DoesNotContain($"netcourse.lib/{SquatterVersion}", outputs, StringComparison.OrdinalIgnoreCase);
            Assert.True(result.Succeeded, NotebookFixture.Describe(result));
            Assert.Contains($"netcourse.lib/{LocalVersion()}/", outputs, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            place.Delete(recursive: true);
            // If the squatter ever won, it must not stay in the NuGet cache for the next runs.
            var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages ? packages
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                "netcourse.lib", SquatterVersion);
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
    }

    /// <summary>The newest NetCourse.Lib that `dotnet build` packed into this clone's artifacts/pkgs.</summary>
    private static string LocalVersion()
    {
        var newest = new DirectoryInfo(Path.Combine(NotebookFixture.Root, "artifacts", "pkgs"))
            .GetFiles("NetCourse.Lib.*.nupkg").MaxBy(f => f.LastWriteTimeUtc);
        Assert.NotNull(newest);
        return newest.Name["NetCourse.Lib.".Length..^".nupkg".Length];
    }

    /// <summary>A package of the same id and a higher version, holding no code: if it were chosen, the second cell
    /// would not compile and the path would name it.</summary>
    private static void WriteSquatterPackage(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("NetCourse.Lib.nuspec").Open(), new UTF8Encoding(false));
        writer.Write($"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>NetCourse.Lib</id><version>{SquatterVersion}</version><authors>squatter</authors>
                <description>Same name, higher version, another feed.</description></metadata>
            </package>
            """);
    }

    private static string Notebook(params string[] cells) => JsonSerializer.Serialize(new
    {
        cells = cells.Select((source, i) => new
        {
            cell_type = "code",
            id = $"squatter-{i}",
            execution_count = (int?)null,
            metadata = new { },
            outputs = Array.Empty<object>(),
            source,
        }),
        metadata = new
        {
            kernelspec = new { display_name = ".NET (C#)", language = "C#", name = ".net-csharp" },
            language_info = new { name = "C#" },
        },
        nbformat = 4,
        nbformat_minor = 5,
    });
}
