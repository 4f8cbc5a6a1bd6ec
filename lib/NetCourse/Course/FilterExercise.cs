using NetCourse.Dissection;

namespace NetCourse.Course;

/// <summary>Checks a display filter written by a student: it must select exactly the expected packets.</summary>
public static class FilterExercise
{
    /// <summary>
    /// Applies <paramref name="filter"/> to <paramref name="packets"/> and compares the selection with the packets
    /// <paramref name="expected"/> picks (computed from the packets themselves, so it holds for a live capture too).
    /// </summary>
    public static ExerciseResult Check(string name, IReadOnlyList<DissectedPacket> packets, string? filter, Func<DissectedPacket, bool> expected, string hint, string solution)
    {
        ArgumentNullException.ThrowIfNull(packets);
        ArgumentNullException.ThrowIfNull(expected);
        var text = (filter ?? "").Trim();
        if (text.Length == 0 || text.Contains("???", StringComparison.Ordinal))
            return Exercise.Verdict(name, false, "Remplacez ??? par votre filtre puis ré-exécutez la cellule.", hint, solution);
        var result = new FilterResultView(packets, text);
        if (result.Error is not null)
            return Exercise.Verdict(name, false, $"Le filtre « {text} » ne se lit pas : {result.Error.Message}", hint, solution);
        var wanted = packets.Where(expected).Select(p => p.Number).ToHashSet();
        var got = result.Numbers.ToHashSet();
        if (wanted.SetEquals(got))
            return Exercise.Verdict(name, true, $"« {text} » sélectionne exactement les bons paquets : n° {string.Join(", ", got.Order())}.", hint, solution);
        var extra = got.Except(wanted).Order().ToList();
        var missing = wanted.Except(got).Order().ToList();
        var feedback = $"« {text} » sélectionne {got.Count} paquet(s) sur {packets.Count}.";
        if (extra.Count > 0) feedback += $" En trop : n° {string.Join(", ", extra.Take(10))}.";
        if (missing.Count > 0) feedback += $" Manquants : n° {string.Join(", ", missing.Take(10))}.";
        return Exercise.Verdict(name, false, feedback, hint, solution);
    }
}
