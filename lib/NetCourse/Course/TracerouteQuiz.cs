using System.Globalization;
using NetCourse.Lab;

namespace NetCourse.Course;

/// <summary>The chapter's checked exercises, answered against the trace the student really has (live or recorded).</summary>
public static class TracerouteQuiz
{
    /// <summary>How many routers stand between the machine and the traced host?</summary>
    public static ExerciseResult RouterCount(TracerouteResult trace, string? answer)
    {
        var expected = trace.Routers.Count;
        return CheckNumber("nombre de routeurs", answer, expected,
            hint: "Comptez les adresses différentes qui répondent « temps dépassé » : chaque routeur répond à chacune des 3 sondes de son TTL, donc 3 lignes par routeur dans la capture.",
            solution: $"{expected} : {string.Join(", ", trace.Routers)} ont répondu « time exceeded » avant que l'hôte {trace.Target} réponde.");
    }

    /// <summary>With which TTL did the probes reach the host?</summary>
    public static ExerciseResult ReachedTtl(TracerouteResult trace, string? answer)
    {
        var expected = trace.ReachedAtTtl ?? -1;
        return CheckNumber("TTL qui atteint l'hôte", answer, expected,
            hint: "Cherchez la première ligne où c'est la destination elle-même qui répond (réponse d'écho).",
            solution: $"{expected} : il faut un TTL de plus que le nombre de routeurs ({trace.Routers.Count}).");
    }

    /// <summary>With which TTL does the host's echo reply arrive at the machine?</summary>
    public static ExerciseResult ReplyTtl(TracerouteCapture capture, string? answer)
    {
        var reply = capture.Packets.FirstOrDefault(p => p.Kind == IcmpKind.EchoReply);
        if (reply is null)
            return Exercise.Verdict("TTL de la réponse", false, "La capture ne contient aucune réponse d'écho : relancez la capture.", "", "");
        return CheckNumber("TTL de la réponse", answer, reply.Ttl,
            hint: "L'hôte (Linux) part de 64 ; chaque routeur traversé au retour retire 1. Regardez la colonne TTL de la réponse d'écho.",
            solution: $"{reply.Ttl} : 64 moins les {64 - reply.Ttl} routeurs traversés au retour.");
    }

    private static ExerciseResult CheckNumber(string name, string? answer, int expected, string hint, string solution)
    {
        var given = (answer ?? "").Trim();
        if (given.Length == 0 || given.Contains("???", StringComparison.Ordinal))
            return Exercise.Verdict(name, false, "Remplacez ??? par votre réponse (un nombre) puis ré-exécutez la cellule.", hint, solution);
        if (!int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return Exercise.Verdict(name, false, $"« {given} » n'est pas un nombre entier.", hint, solution);
        return value == expected
            ? Exercise.Verdict(name, true, $"{value} : c'est exact.", hint, solution)
            : Exercise.Verdict(name, false, $"{value} n'est pas la bonne réponse.", hint, solution);
    }
}
