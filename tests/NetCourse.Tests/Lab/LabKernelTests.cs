using System.Text.Json;
using System.Text.Json.Nodes;
using NetCourse.Book;
using NetCourse.Lab;

namespace NetCourse.Tests.Lab;

/// <summary>
/// In the real kernel: a notebook builds a lab, then a cell fails half-way. The kernel goes on, ends, and the lab must be
/// gone (LiveResources stops it at kernel end). Root only, like the lab; its own prefix so that it cannot touch a chapter's lab.
/// </summary>
public class LabKernelTests
{
    [SkippableFact]
    public async Task A_cell_failing_after_the_lab_is_built_leaves_nothing_once_the_kernel_ends()
    {
        Requires.Root("construire le labo depuis le noyau");
        var root = TestPaths.Root;
        var packages = Path.Combine(root, "artifacts", "pkgs");
        Assert.True(Directory.Exists(packages), $"{packages} manque : dotnet build NetCourse.sln d'abord.");
        var prefix = $"nc-k{Random.Shared.Next(0x1000, 0xffff):x4}";
        // Inside the repository (artifacts/), where the tool manifest makes `dotnet interactive` resolve.
        var folder = Directory.CreateDirectory(Path.Combine(root, "artifacts", prefix + "-notebook")).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"),
                $"<configuration><packageSources><add key=\"netcourse-local\" value=\"{packages}\" /></packageSources></configuration>");
            var notebook = Path.Combine(folder, "labo-puis-erreur.ipynb");
            await File.WriteAllTextAsync(notebook, Notebook(
                "#r \"nuget: NetCourse.Lib, *-*\"\nNetCourse.Course.Chapter.Open(8, \"Labo puis erreur\")",
                "using NetCourse.Lab;\nusing NetCourse.Course;\n"
                + $"var labo = await LiveResources.ReplaceAsync(\"labo\", () => LabNetwork.TryStartAsync(new LabOptions(\"{prefix}\", 2, 370, 0)));\n"
                + "string.Join(\",\", LabNetwork.ListNamespaces(\"" + prefix + "\")) + (labo.IsUp ? \" UP\" : \" DOWN \" + labo.Reason)",
                "throw new InvalidOperationException(\"échec volontaire au milieu du chapitre\");"));

            var result = await new NotebookRunner(root).RunAsync(notebook, Path.Combine(folder, "executed.ipynb"), null, TimeSpan.FromSeconds(120));

            var error = Assert.Single(result.Errors);
            Assert.True(error.Cell == 3, error.ToString());
            Assert.Contains("échec volontaire", error.Message);
            var executed = await File.ReadAllTextAsync(Path.Combine(folder, "executed.ipynb"));
            Assert.Contains($"{prefix}-r1", executed);   // the lab really was up in the kernel …
            Assert.Contains(" UP", executed);
            Assert.Empty(LabNetwork.ListNamespaces(prefix)); // … and is gone now that the kernel has ended.
            Assert.False(Directory.Exists($"/sys/class/net/{prefix}0"), $"{prefix}0 est resté");
        }
        finally
        {
            LabNetwork.Remove(prefix);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Notebook(params string[] cells)
    {
        var list = new JsonArray();
        for (var i = 0; i < cells.Length; i++)
        {
            list.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = $"cell-{i}",
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
                ["source"] = cells[i],
            });
        }
        var notebook = new JsonObject
        {
            ["cells"] = list,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp", ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp" }) },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
