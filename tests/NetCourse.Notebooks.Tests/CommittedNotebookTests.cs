using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetCourse.Notebooks.Tests;

public partial class CommittedNotebookTests
{
    [Theory]
    [MemberData(nameof(NotebookFixture.Chapters), MemberType = typeof(NotebookFixture))]
    public void Chapters_are_committed_without_outputs_and_with_kernel_metadata(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(NotebookFixture.Root, "notebooks", notebook)));
        var root = json.RootElement;

        var metadata = root.GetProperty("metadata");
        Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
        // VS Code opens the chapter as a C# Polyglot Notebook from these; classic Jupyter loads the CodeMirror mode that
        // language_info names: "C#" exists (clike), "polyglot-notebook" does not (a 404 in the browser console).
        Assert.Equal("csharp", metadata.GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());
        Assert.Equal("C#", metadata.GetProperty("language_info").GetProperty("name").GetString());
        foreach (var cell in root.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            Assert.True(cell.GetProperty("outputs").GetArrayLength() == 0, $"{notebook}: cell {cell.GetProperty("id")} has outputs");
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(NotebookFixture.Chapters), MemberType = typeof(NotebookFixture))]
    public void No_code_cell_holds_an_answer_a_hint_or_a_solution(string notebook)
    {
        var leaks = AnswerLeaks.In(File.ReadAllText(Path.Combine(NotebookFixture.Root, "notebooks", notebook)));
        Assert.True(leaks.Count == 0, $"{notebook}:\n" + string.Join("\n", leaks));
    }

    [Theory]
    [InlineData("var typeDeReseau = \"LAN\";\nExercices.Verifier(\"ch1.lan-wan\", typeDeReseau)")]
    [InlineData("var n = 4;\nExercices.Verifier(\"ch2.etapes-serveur\", n)")]
    [InlineData("var p = \"6\";\nExercices.Predire(\"ch5.prediction-backlog\", p)")]
    [InlineData("var r = new Dictionary<string, string> { [\"ip.ttl\"] = \"réseau\", [\"eth.dst\"] = \"???\" };\nExercices.Verifier(\"ch7.couches\", r, recu)")]
    [InlineData("int[] ports = [ 12800 ];\nExercices.Verifier(\"ch4.ports-ouverts\", ports, balayage)")]
    [InlineData("var monFiltre = \"tcp.len > 0\";\nExercices.VerifierFiltre(\"ch6.filtre-donnees\", monFiltre, paquets)")]
    [InlineData("Exercise.Check(\"LAN ou WAN\", typeDeReseau, expected: \"LAN\")")]
    [InlineData("Quiz.Ask(reponse, hint: \"pensez au noyau\")")]
    [InlineData("Exercices.Solution(\"ch1.lan-wan\")")]
    public void The_leak_check_catches_an_answer_left_in_a_cell(string code)
    {
        var notebook = JsonSerializer.Serialize(new { cells = new[] { new { cell_type = "code", id = "t-1", source = new[] { code } } } });
        Assert.NotEmpty(AnswerLeaks.In(notebook));
    }

    [Theory]
    [InlineData("var typeDeReseau = \"???\";\nExercices.Verifier(\"ch1.lan-wan\", typeDeReseau)")]
    [InlineData("var r = new Dictionary<string, string> { [\"ip.ttl\"] = \"???\", [\"eth.dst\"] = \"???\" };\nExercices.Verifier(\"ch7.couches\", r, recu)")]
    [InlineData("int[] ports = [ /* ??? */ ];\nExercices.Verifier(\"ch4.ports-ouverts\", ports, balayage)")]
    [InlineData("var monFiltre = \"???\";\nExercices.VerifierFiltre(\"ch6.filtre-donnees\", monFiltre, paquets)")]
    [InlineData("PacketViews.List(paquets, caption: \"Capture\")")]
    public void The_leak_check_accepts_a_starting_cell(string code)
    {
        var notebook = JsonSerializer.Serialize(new { cells = new[] { new { cell_type = "code", id = "t-1", source = new[] { code } } } });
        Assert.Empty(AnswerLeaks.In(notebook));
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

    /// <summary>Code lines longer than this are cut in the notebook editor (chapter 6 and 8 had some).</summary>
    private const int MaxCodeLine = 100;

    [Theory]
    [MemberData(nameof(NotebookFixture.Chapters), MemberType = typeof(NotebookFixture))]
    public void Code_lines_fit_the_editor(string notebook)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(NotebookFixture.Root, "notebooks", notebook)));
        var tooLong = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .SelectMany(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())).Split('\n')
                .Where(line => line.Length > MaxCodeLine)
                .Select(line => $"{c.GetProperty("id").GetString()}: {line.Length} characters: {line}"))
            .ToList();
        Assert.True(tooLong.Count == 0, $"{notebook}: code lines over {MaxCodeLine} characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void Every_capture_in_data_is_named_by_a_chapter_and_by_its_row_of_the_architecture_table()
    {
        var named = Directory.GetFiles(Path.Combine(NotebookFixture.Root, "notebooks"), "*.ipynb").ToDictionary(
            p => Path.GetFileNameWithoutExtension(p), p => CaptureName().Matches(File.ReadAllText(p)).Select(m => m.Value).ToHashSet());
        var captures = Directory.GetFiles(Path.Combine(NotebookFixture.Root, "data"), "*.pcap*").Select(p => Path.GetFileName(p)).ToList();
        Assert.NotEmpty(captures);
        var unused = captures.Where(c => !named.Values.Any(n => n.Contains(c))).Order(StringComparer.Ordinal).ToList();
        Assert.True(unused.Count == 0, $"captures of data/ that no notebook names: {string.Join(", ", unused)}");

        // ARCHITECTURE.md's chapter table, one to one: each row's captures column names exactly what its notebook names.
        var rows = File.ReadAllLines(Path.Combine(NotebookFixture.Root, "ARCHITECTURE.md"))
            .Select(line => line.Split('|'))
            .Where(cells => cells.Length > 6 && TableNotebook().IsMatch(cells[2]))
            .ToDictionary(cells => TableNotebook().Match(cells[2]).Groups[1].Value,
                cells => CaptureName().Matches(cells[^2]).Select(m => m.Value).Order(StringComparer.Ordinal).ToList());
        foreach (var (notebook, names) in named)
        {
            Assert.True(rows.TryGetValue(notebook, out var row), $"{notebook}: no row in ARCHITECTURE.md's chapter table");
            Assert.True(names.Order(StringComparer.Ordinal).SequenceEqual(row), $"{notebook} names [{string.Join(", ", names.Order(StringComparer.Ordinal))}], "
                + $"its row of ARCHITECTURE.md [{string.Join(", ", row)}]");
        }
    }

    [GeneratedRegex(@"\b\d\d-[a-z0-9-]+\.pcap(?:ng)?\b")]
    private static partial Regex CaptureName();

    [GeneratedRegex(@"^\s*`(\d\d-[a-z0-9-]+)`\s*$")]
    private static partial Regex TableNotebook();
}
