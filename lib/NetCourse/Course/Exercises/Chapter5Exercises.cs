using System.Net.Sockets;
using NetCourse.Sockets;

namespace NetCourse.Course.Exercises;

/// <summary>Chapter 5 (les sockets): socket types, the backlog predicted then measured, the end of a connection, and an upper-casing echo server written by the student.</summary>
public sealed class Chapter5Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch5.type-udp",
            Title = "Le type de socket d'UDP",
            Question = "En Python, socket.SOCK_STREAM demande TCP. Quel type de socket demande UDP ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.OneOf("SOCK_DGRAM", "socket.SOCK_DGRAM", "SocketType.Dgram", "Dgram", "datagramme")),
            Hint = "UDP envoie des datagrammes : le nom du type vient de ce mot. Relisez la cellule UDP du chapitre (SocketType…).",
            Explanation = "SOCK_DGRAM (SocketType.Dgram en C#) : des datagrammes indépendants, sans connexion, sans listen ni accept.",
            Misconceptions =
            [
                new(["SOCK_STREAM", "Stream"], "SOCK_STREAM, c'est le flux d'octets de TCP, avec connexion ; UDP envoie des messages séparés."),
                new(["SOCK_RAW", "Raw"], "SOCK_RAW donne accès aux paquets IP bruts (il faut root) ; UDP a son propre type."),
            ],
        },
        new()
        {
            Id = "ch5.prediction-backlog",
            Title = "Prédiction : listen(5) sans accept",
            Question = "Un serveur écoute avec listen(5) et n'appelle jamais accept ; dix clients essaient de se connecter. Combien y parviendront ?",
            IsPrediction = true,
            Rule = ExerciseDefinition.From<BacklogReport>(run => AnswerRule.Number(run.ConnectedCount)),
            ContextHelp = "le résultat de la première expérience, sansAccept",
            SampleContext = () => SampleBacklog(6),
            Hint = "La connexion est établie par le noyau Linux, pas par accept ; la file d'acceptation tient le backlog… et Linux la juge pleine quand elle le dépasse.",
            Explanation = "Linux établit backlog + 1 connexions (6 pour listen(5)) sans aucun accept : c'est le noyau Linux qui fait la poignée de main. Les suivants ne reçoivent rien (pas de RST) et renvoient leur SYN jusqu'à abandonner.",
            Misconceptions =
            [
                new(["5", "cinq"], "presque : Linux ne juge la file pleine que lorsqu'elle dépasse le backlog, d'où une connexion de plus."),
                new(["0", "zéro", "aucun"], "la poignée de main ne dépend pas d'accept : le noyau Linux la termine seul et range la connexion dans la file."),
                new(["10", "dix"], "la file d'acceptation est bornée par le backlog : au-delà, le noyau Linux ignore les SYN."),
            ],
        },
        new()
        {
            Id = "ch5.fin-de-connexion",
            Title = "Quand l'autre ferme",
            Question = "Un serveur lit avec ReceiveAsync (recv en Python). Que rend cet appel quand le client a fermé la connexion ? (un nombre d'octets)",
            Rule = ExerciseDefinition.Fixed(AnswerRule.Number(0, "octet")),
            Hint = "Regardez la dernière ligne du journal de la cellule « accepter, échanger, fermer » : le serveur y lit quelque chose de très particulier.",
            Explanation = "0 octet : c'est ainsi que TCP signale le FIN de l'autre côté. Tant que la connexion vit, ReceiveAsync attend au moins 1 octet ; 0 veut dire « plus rien ne viendra », il faut fermer à son tour.",
            Misconceptions = [new(["-1", "moins un"], "-1, c'est le code d'erreur de certaines API en C ; ici une erreur lèverait une exception. La fin normale, c'est 0 octet.")],
        },
        new()
        {
            Id = "ch5.serveur-majuscules",
            Title = "Un serveur écho en majuscules",
            Question = "Écrivez le serveur : accepter chaque client, lui renvoyer chaque message en MAJUSCULES jusqu'à ce qu'il ferme. De vrais clients l'essaient, dont le client Python de la source.",
            Kind = ExerciseKind.Code,
            Hint = "Une boucle sur AcceptAsync (un client après l'autre) ; pour chaque client, une boucle sur ReceiveAsync jusqu'à 0 octet ; Encoding.UTF8.GetString(…).ToUpperInvariant() puis SendAsync.",
            Explanation = "Le serveur de la source, complet : accepter (un socket par client), échanger tant que le client parle, fermer quand il a fini (0 octet lu). Le noyau Linux avait déjà fait la poignée de main avant votre AcceptAsync.",
            Code = new CodeExercise
            {
                DelegateType = typeof(Func<Socket, CancellationToken, Task>),
                Signature = "async Task MonServeur(Socket ecoute, CancellationToken arret) { … }",
                Run = EchoServerCodeCheck.RunAsync,
                Reference = (Func<Socket, CancellationToken, Task>)EchoServerCodeCheck.Reference,
                SolutionCode = EchoServerCodeCheck.SolutionCode,
                TypicalMistake = (Func<Socket, CancellationToken, Task>)EchoServerCodeCheck.TypicalMistake,
                Bound = TimeSpan.FromSeconds(30),
            },
        },
    ];

    private static BacklogReport SampleBacklog(int connected) =>
        new(5, null, 1500, Enumerable.Range(1, 10).Select(i => new BacklogAttempt(i, i <= connected, i <= connected ? 0.2 : 1500,
            i <= connected ? "connecté aussitôt" : "délai dépassé")).ToArray(), connected, 0);
}
