using System.Text.Json;

namespace NetCourse.Notebooks.Tests;

public class CommittedNotebookTests
{
    [Theory]
    [MemberData(nameof(NotebookFixture.Chapters), MemberType = typeof(NotebookFixture))]
    public void Chapters_are_committed_without_outputs_and_with_kernel_metadata(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(NotebookFixture.Root, "notebooks", notebook)));
        var root = json.RootElement;

        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        foreach (var cell in root.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            Assert.True(cell.GetProperty("outputs").GetArrayLength() == 0, $"{notebook}: cell {cell.GetProperty("id")} has outputs");
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Fact]
    public void Chapters_are_numbered_in_course_order_and_start_by_loading_the_library()
    {
        var names = Directory.GetFiles(Path.Combine(NotebookFixture.Root, "notebooks"), "*.ipynb").Select(p => Path.GetFileName(p)).ToArray();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", n));
        foreach (var name in names)
        {
            var text = File.ReadAllText(Path.Combine(NotebookFixture.Root, "notebooks", name));
            Assert.Contains("#r \\\"nuget: NetCourse.Lib, *-*\\\"", text);
        }
    }
}
