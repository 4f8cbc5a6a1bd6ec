using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Course.Exercises;

/// <summary>
/// Chapter 6 (Wireshark): the handshake predicted then read in the capture, a display filter (code, run on the student's
/// own packets), and TCP analysis on data/06-retransmissions.pcap (sequence numbers, the duplicate ACK, the retransmission).
/// </summary>
public sealed class Chapter6Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch6.prediction-poignee",
            Title = "Prédiction : la poignée de main",
            Question = "Avant de capturer : combien de segments TCP faut-il pour ouvrir la connexion, avant le premier octet de données ?",
            IsPrediction = true,
            Rule = ExerciseDefinition.From<IReadOnlyList<DissectedPacket>>(packets =>
                HandshakeLength(packets) is > 0 and var n ? AnswerRule.Number(n) : null),
            ContextHelp = "les paquets capturés, paquets",
            SampleContext = () => Sample("06-tcp-handshake.pcap"),
            Hint = "Le client demande, le serveur répond, le client confirme.",
            Explanation = "Trois segments : SYN, SYN-ACK, ACK (la poignée de main en trois temps). Les deux noyaux Linux les échangent seuls ; accept, côté serveur, n'envoie rien.",
            Misconceptions =
            [
                new(["2", "deux"], "demande et réponse ne suffisent pas : le serveur doit savoir que le client a bien reçu son SYN-ACK, d'où un troisième segment."),
                new(["4", "quatre"], "quatre, c'est la fermeture (un FIN et un ACK de chaque côté) ; l'ouverture en compte un de moins."),
            ],
        },
        new()
        {
            Id = "ch6.filtre-donnees",
            Title = "Un filtre d'affichage",
            Question = "Écrivez un filtre d'affichage qui montre exactement les paquets de notre échange qui portent des données de l'application (le message et son écho).",
            Kind = ExerciseKind.Code,
            Filter = new FilterExercise
            {
                Target = FilterTarget.ApplicationData,
                Solution = "tcp.len > 0",
                Equivalents =
                [
                    "tcp.len >= 1", "tcp.len != 0", "!(tcp.len == 0)", "tcp.flags.push == 1",
                    "tcp.port == 12800 && tcp.len > 0", "(tcp.srcport == 12800 || tcp.dstport == 12800) && tcp.len > 0",
                ],
                WrongExamples = ["tcp", "tcp.port == 12800", "tcp.len > 0 && tcp.srcport == 12800", "tcp.flags.syn == 1", "tcp.len >"],
                RecordedCapture = "06-tcp-handshake.pcap",
            },
            SampleContext = () => Sample("06-tcp-handshake.pcap"),
            Hint = "Le champ tcp.len donne le nombre d'octets de données que porte un segment TCP.",
            Explanation = "tcp.len > 0 : seuls les segments qui portent des octets de l'application passent ; la poignée de main, les ACK seuls et la fermeture ont tcp.len == 0.",
        },
        new()
        {
            Id = "ch6.ouverture",
            Title = "Le paquet qui ouvre la connexion",
            Question = "Quel est le numéro (colonne No.) du paquet qui ouvre la connexion ?",
            Rule = ExerciseDefinition.From<IReadOnlyList<DissectedPacket>>(packets =>
                packets.FirstOrDefault(IsSyn) is { } syn ? AnswerRule.Number(syn.Number) : null),
            ContextHelp = "les paquets capturés, paquets",
            SampleContext = () => Sample("06-tcp-handshake.pcap"),
            Hint = "Cherchez le premier segment gris dont les drapeaux sont [SYN] seul, sans ACK : le client demande l'ouverture.",
            Explanation = "Le premier [SYN] : le client demande l'ouverture. Le [SYN, ACK] qui suit est la réponse du noyau Linux du serveur.",
            Misconceptions = [new(["2", "deux"], "dans notre échange, le n° 2 est le [SYN, ACK] : c'est déjà la réponse du serveur ; la connexion s'ouvre à la demande du client, le [SYN] seul.")],
        },
        new()
        {
            Id = "ch6.sequence-perdue",
            Title = "Le segment perdu",
            Question = "Dans data/06-retransmissions.pcap, un segment se perd puis est retransmis. Quel numéro de séquence (relatif, Seq=) porte-t-il ?",
            Rule = ExerciseDefinition.From<IReadOnlyList<DissectedPacket>>(packets =>
                packets.FirstOrDefault(p => p.GetValue("tcp.analysis.retransmission") is not null)?.GetValue("tcp.seq")?.Integer is { } seq
                    ? AnswerRule.Number(seq) : null),
            ContextHelp = "les paquets de la capture des pertes, pertes",
            SampleContext = () => Sample("06-retransmissions.pcap"),
            Hint = "Le récepteur répète l'accusé de réception du premier octet qui lui manque (Ack=) : c'est le numéro de séquence du segment perdu.",
            Explanation = "Seq=20 : les octets 1 à 19 sont arrivés (Ack=20) ; le segment suivant, 18 octets à partir de 20, s'est perdu. Le récepteur répète Ack=20 (ACK dupliqué) et l'émetteur retransmet Seq=20.",
            Misconceptions =
            [
                new(["38"], "Seq=38 est le segment suivant, arrivé, lui : c'est à cause de son arrivée que le récepteur a répété son ACK."),
                new(["9", "6"], "c'est un numéro de paquet (colonne No.) ; la question demande le numéro de séquence TCP (Seq=)."),
            ],
        },
        new()
        {
            Id = "ch6.filtre-tcp-en-difficulte",
            Title = "Les lignes « Bad TCP »",
            Question = "Écrivez un filtre d'affichage qui montre exactement les segments que l'analyse TCP signale dans data/06-retransmissions.pcap (l'ACK dupliqué et la retransmission).",
            Kind = ExerciseKind.Code,
            Filter = new FilterExercise
            {
                Target = FilterTarget.TcpTrouble,
                Solution = "tcp.analysis.flags",
                Equivalents = ["tcp.analysis.duplicate_ack || tcp.analysis.retransmission", "tcp.analysis.retransmission or tcp.analysis.duplicate_ack"],
                WrongExamples = ["tcp.analysis.retransmission", "tcp", "tcp.len > 0", "tcp.analysis.flags =="],
                RecordedCapture = "06-retransmissions.pcap",
            },
            SampleContext = () => Sample("06-retransmissions.pcap"),
            Hint = "Wireshark range ses remarques sous tcp.analysis ; un champ seul, sans comparaison, garde les paquets qui l'ont.",
            Explanation = "tcp.analysis.flags est présent sur chaque segment que l'analyse signale : c'est le filtre de la règle de couleur « Bad TCP » (lignes noires).",
        },
    ];

    private static IReadOnlyList<DissectedPacket> Sample(string name) => CourseData.Load(name).Dissect();

    private static bool IsSyn(DissectedPacket p) => ((p.GetValue("tcp.flags")?.Integer ?? 0) & 0x12) == 0x02;

    /// <summary>The segments from the first SYN up to the first one that carries data or a FIN.</summary>
    private static int HandshakeLength(IReadOnlyList<DissectedPacket> packets) =>
        packets.SkipWhile(p => !IsSyn(p))
            .TakeWhile(p => (p.GetValue("tcp.len")?.Integer ?? 0) == 0 && ((p.GetValue("tcp.flags")?.Integer ?? 0) & 0x01) == 0).Count();
}
