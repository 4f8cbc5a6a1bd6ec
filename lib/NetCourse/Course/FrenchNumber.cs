namespace NetCourse.Course;

/// <summary>Numbers written in French words, as a student writes them: « quatre », « vingt et un », « quatre-vingts », « deux cents ».</summary>
internal static class FrenchNumber
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.Ordinal)
    {
        ["zero"] = 0,
        ["un"] = 1,
        ["une"] = 1,
        ["deux"] = 2,
        ["trois"] = 3,
        ["quatre"] = 4,
        ["cinq"] = 5,
        ["six"] = 6,
        ["sept"] = 7,
        ["huit"] = 8,
        ["neuf"] = 9,
        ["dix"] = 10,
        ["onze"] = 11,
        ["douze"] = 12,
        ["treize"] = 13,
        ["quatorze"] = 14,
        ["quinze"] = 15,
        ["seize"] = 16,
        ["vingt"] = 20,
        ["vingts"] = 20,
        ["trente"] = 30,
        ["quarante"] = 40,
        ["cinquante"] = 50,
        ["soixante"] = 60,
        ["septante"] = 70,
        ["huitante"] = 80,
        ["nonante"] = 90,
    };

    /// <summary>Reads the number words of <paramref name="normalized"/> (lower case, no accents); other words around them
    /// are ignored (« quatre etapes »), but words between two number words make it fail.</summary>
    public static bool TryParse(string normalized, out double value)
    {
        value = 0;
        var tokens = normalized.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long total = 0, current = 0;
        int? previous = null;
        var started = false;
        var ended = false;
        foreach (var token in tokens)
        {
            var isNumber = Words.ContainsKey(token) || token is "cent" or "cents" or "mille" || (started && token == "et");
            if (!isNumber)
            {
                if (started) ended = true;
                continue;
            }
            if (ended) return false; // two separate numbers: ambiguous
            started = true;
            if (token == "et") continue;
            if (token is "cent" or "cents")
            {
                current = (current == 0 ? 1 : current) * 100;
            }
            else if (token == "mille")
            {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            }
            else if (token is "vingt" or "vingts" && previous == 4 && current % 100 == 4)
            {
                current += 76; // quatre-vingt(s) = 4 × 20
            }
            else
            {
                current += Words[token];
            }
            previous = Words.TryGetValue(token, out var v) ? v : null;
        }
        if (!started) return false;
        value = total + current;
        return true;
    }
}
