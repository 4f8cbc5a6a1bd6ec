namespace NetCourse.Course.Exercises;

/// <summary>Chapter 0 (prise en main): running a cell and reading what it says.</summary>
public sealed class Chapter0Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch0.boucle-locale",
            Title = "L'adresse de la boucle locale",
            Question = "Quelle est l'adresse IPv4 de la boucle locale, celle que le graphique a utilisée ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.Address("127.0.0.1")),
            Hint = "Elle commence par 127 et se termine par 1 ; le titre du graphique l'affiche.",
            Explanation = "127.0.0.1 (IPv4) et ::1 (IPv6) désignent la machine elle-même : ce qui y est envoyé ne la quitte jamais.",
            Misconceptions =
            [
                new(["::1"], "c'est bien la boucle locale, mais en IPv6 ; la question demande l'adresse IPv4 (quatre nombres)."),
                new(["localhost"], "c'est le nom de la boucle locale ; la question demande son adresse (quatre nombres séparés par des points)."),
            ],
        },
    ];
}
