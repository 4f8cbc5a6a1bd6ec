using NetCourse.Sockets;

namespace NetCourse.Course.Exercises;

/// <summary>Chapter 2 (client et serveur): the steps, one server for many clients, and a client written by the student.</summary>
public sealed class Chapter2Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch2.etapes-serveur",
            Title = "Les étapes du serveur",
            Question = "Combien d'étapes compte le serveur dans la source ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.Number(4)),
            Hint = "Relisez le journal : les étapes du serveur sont numérotées ; le client, lui, en a une de moins.",
            Explanation = "Attendre, accepter, échanger, fermer : le serveur a une étape de plus que le client, l'attente, car il ne sait pas quand un client viendra.",
            Misconceptions = [new(["3", "trois"], "trois, ce sont les étapes du client (se connecter, échanger, fermer) ; le serveur commence par une étape de plus.")],
        },
        new()
        {
            Id = "ch2.prediction-attente",
            Title = "Prédiction : la file d'attente",
            Question = "Cinq clients arrivent en même temps ; le serveur met 300 ms par requête et les sert un par un. Au bout de combien de millisecondes le dernier recevra-t-il sa réponse ?",
            IsPrediction = true,
            Rule = ExerciseDefinition.From<ManyClientsResult>(run => AnswerRule.Measure(run.LongestMs, 0.3)),
            ContextHelp = "le résultat du serveur « un client à la fois », unParUn",
            SampleContext = () => SampleRun(ServerMode.OneAtATime, [305, 606, 908, 1210, 1512]),
            Hint = "Le dernier attend que le serveur ait traité les quatre autres, puis le sien.",
            Explanation = "Un serveur qui sert un client à la fois additionne les temps de traitement : 5 × 300 ms ≈ 1 500 ms pour le dernier.",
            Misconceptions = [new(["300", "300 ms"], "c'est le temps d'une requête ; le dernier attend aussi celles des quatre clients servis avant lui.")],
        },
        new()
        {
            Id = "ch2.attente-concurrent",
            Title = "L'attente avec un serveur concurrent",
            Question = "Avec le serveur concurrent, combien de temps (ms) le client le plus lent a-t-il attendu sa réponse ? Lisez-le sur le graphique.",
            Rule = ExerciseDefinition.From<ManyClientsResult>(run => AnswerRule.Measure(run.LongestMs, 0.3)),
            ContextHelp = "le résultat du serveur concurrent, enParallele",
            SampleContext = () => SampleRun(ServerMode.Concurrent, [303, 304, 305, 306, 309]),
            Hint = "Prenez la plus haute barre de la série « concurrent » : chacun n'attend que son propre traitement.",
            Explanation = "Un serveur concurrent traite chaque client dès qu'il l'accepte : tous attendent à peu près 300 ms, le temps d'une seule requête.",
            Misconceptions = [new(["1500", "1 500", "1500 ms"], "c'est l'attente avec le serveur un client à la fois ; regardez l'autre série.")],
        },
        new()
        {
            Id = "ch2.client",
            Title = "Écrire le client de la source",
            Question = "Écrivez le client : se connecter à (hote, port), envoyer une ligne, lire la réponse, fermer. Le serveur du cours note chaque étape.",
            Kind = ExerciseKind.Code,
            Hint = "new TcpClient(), ConnectAsync(hote, port), GetStream() ; écrivez des octets terminés par \"\\n\", lisez avec un StreamReader ; using ferme tout.",
            Explanation = "Un client TCP fait toujours ces trois étapes : connect, échange (envoyer puis lire), close. Le serveur, lui, attendait et a accepté avant même votre connect.",
            Code = new CodeExercise
            {
                DelegateType = typeof(Func<string, int, Task<string>>),
                Signature = "async Task<string> MonClient(string hote, int port) { … return reponse; }",
                Run = ClientCodeCheck.RunAsync,
                Reference = (Func<string, int, Task<string>>)ClientCodeCheck.Reference,
                SolutionCode = ClientCodeCheck.SolutionCode,
                TypicalMistake = (Func<string, int, Task<string>>)ClientCodeCheck.TypicalMistake,
            },
        },
    ];

    private static ManyClientsResult SampleRun(ServerMode mode, double[] totals) =>
        new(mode, 300, totals.Select((t, i) => new ClientRun($"client {i + 1}", 0.2, t, "reçu : requête", null)).ToArray(), new StepRecorder());
}
