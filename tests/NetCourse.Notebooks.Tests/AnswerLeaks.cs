using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetCourse.Notebooks.Tests;

/// <summary>
/// Finds what a code cell must never hold: an answer, a hint or a solution. Exercises live in the library; a cell
/// holds the starting answer (<c>???</c>) and one call to the engine.
/// </summary>
public static partial class AnswerLeaks
{
    /// <summary>One line per leak in the notebook's code cells (cell id: what).</summary>
    public static IReadOnlyList<string> In(string notebookJson)
    {
        using var json = JsonDocument.Parse(notebookJson);
        var leaks = new List<string>();
        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            var id = cell.TryGetProperty("id", out var i) ? i.GetString() : "?";
            var code = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            foreach (Match named in NamedAnswer().Matches(code))
                leaks.Add($"{id}: argument « {named.Value} » (the exercise's answer, hint or solution belongs in the library)");
            foreach (Match old in OldApi().Matches(code))
                leaks.Add($"{id}: « {old.Value} » (the old quiz API carries its answer in the cell: use Exercices.Verifier)");
            foreach (Match call in EngineCall().Matches(code))
            {
                var variable = call.Groups["answer"].Value;
                var init = Regex.Match(code, $@"\b{Regex.Escape(variable)}\s*=\s*(?<init>[^;]*);");
                if (!init.Success)
                    continue; // the answer comes from an earlier cell or the run: nothing written here
                // What is left once the starting marks and dictionary keys are gone must hold no text and no number.
                var left = StartingMark().Replace(DictionaryKey().Replace(init.Groups["init"].Value, ""), "");
                if (!init.Groups["init"].Value.Contains("???", StringComparison.Ordinal) || Literal().IsMatch(left))
                    leaks.Add($"{id}: {variable} = {init.Groups["init"].Value.Trim()} (a committed cell starts at ???)");
            }
        }
        return leaks;
    }

    [GeneratedRegex(@"\b(expected|solution|hint|answer|attendu)\s*:(?!:)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAnswer();

    [GeneratedRegex(@"\b(Exercise\.(Check|Verdict)|Exercices\.Solution|LayerQuiz\.Check)\s*\(")]
    private static partial Regex OldApi();

    [GeneratedRegex(@"Exercices\.(Verifier|VerifierFiltre|Predire)\(\s*""[^""]*""\s*,\s*(?<answer>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex EngineCall();

    [GeneratedRegex(@"\[\s*""[^""]*""\s*\]")]
    private static partial Regex DictionaryKey();

    [GeneratedRegex(@"""\?\?\?""|/\*\s*\?\?\?\s*\*/")]
    private static partial Regex StartingMark();

    [GeneratedRegex(@"""|'|\b\d|\btrue\b|\bfalse\b")]
    private static partial Regex Literal();
}
