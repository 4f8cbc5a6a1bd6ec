using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetCourse.Course;

/// <summary>
/// How a student's answer is read before it is compared: case, accents, quotes, articles and punctuation do not
/// count, and numbers may be written in figures (« 4 », « 1,5 ») or in French words (« quatre », « quatre-vingts »).
/// </summary>
internal static partial class AnswerText
{
    private static readonly HashSet<string> Fillers = ["le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "c", "est", "cest", "il", "y", "a", "en", "environ", "a peu pres", "vers", "par", "au", "aux"];

    /// <summary>True for the starting answer of a cell: null, blank, « ??? », an empty collection, or a dictionary whose values all are.</summary>
    public static bool IsStarting(object? answer) => answer switch
    {
        null => true,
        string s => s.Trim().Length == 0 || s.Contains("???", StringComparison.Ordinal),
        // A cell's dictionary « question → ??? » is untouched while every value still is.
        System.Collections.IDictionary d => d.Values.Cast<object?>().All(IsStarting),
        System.Collections.IEnumerable e => !e.Cast<object?>().Any(),
        _ => false,
    };

    /// <summary>The answer as the student wrote it, for feedback.</summary>
    public static string Show(object? answer) => answer switch
    {
        null => "(rien)",
        string s => s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
        _ => answer.ToString() ?? "",
    };

    /// <summary>Lower case, no accents, no quotes nor end punctuation, single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (text is null) return "";
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(c switch
            {
                '’' or '\'' or '«' or '»' or '"' or '“' or '”' or '(' or ')' or '[' or ']' => ' ',
                _ => c,
            });
        }
        var collapsed = Spaces().Replace(plain.ToString(), " ").Trim();
        return collapsed.TrimEnd('.', '!', ';', ':', ',', '?').Trim();
    }

    /// <summary>The normalized words without articles and fillers (« c'est un réseau local » → « reseau local »).</summary>
    public static string Core(string? text) =>
        string.Join(' ', Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Fillers.Contains(w)));

    /// <summary>Reads one number from the answer: a numeric value, « 4 », « 1,5 s », « quatre étapes ».</summary>
    /// <param name="answer">What the student wrote.</param>
    /// <param name="value">The number read; seconds are converted to milliseconds when <paramref name="unitMs"/>.</param>
    /// <param name="unitMs">True when the expected unit is the millisecond (« 1,5 s » then reads as 1500).</param>
    public static bool TryNumber(object? answer, out double value, bool unitMs = false)
    {
        value = 0;
        switch (answer)
        {
            case null: return false;
            case string: break;
            case IConvertible c when answer is not bool and not char:
                try { value = c.ToDouble(CultureInfo.InvariantCulture); return true; }
                catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException) { return false; }
            default: return false;
        }
        var text = Normalize((string)answer);
        var figures = Figures().Matches(text);
        if (figures.Count == 1)
        {
            var number = double.Parse(figures[0].Groups["n"].Value.Replace(',', '.').Replace(" ", ""), CultureInfo.InvariantCulture);
            var unit = figures[0].Groups["u"].Value;
            value = unitMs && unit is "s" or "sec" or "seconde" or "secondes" ? number * 1000 : number;
            return true;
        }
        if (figures.Count > 1) return false;
        return FrenchNumber.TryParse(text, out value);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<n>-?\d+(?:[.,]\d+)?)\s*(?<u>ms|millisecondes?|s|sec|secondes?)?\b")]
    private static partial Regex Figures();
}
