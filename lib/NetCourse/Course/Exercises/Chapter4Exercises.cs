using NetCourse.Ports;

namespace NetCourse.Course.Exercises;

/// <summary>Chapter 4 (les ports): well-known ports, open vs closed, the RST in a capture.</summary>
public sealed class Chapter4Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch4.port-https",
            Title = "Le port du Web chiffré",
            Question = "Quel port est réservé par convention au Web chiffré (HTTPS) ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.Number(443)),
            Hint = "La source le cite à côté de 21 (FTP) et 80 (HTTP) ; le tableau des ports bien connus le donne aussi.",
            Explanation = "443 pour HTTPS : HTTP chiffré par TLS. 80 reste celui de HTTP en clair.",
            Misconceptions =
            [
                new(["80"], "80, c'est HTTP, en clair ; le Web chiffré a son propre port."),
                new(["8080", "8443"], "ces ports servent souvent aux essais, mais ne sont pas ceux réservés par convention."),
            ],
        },
        new()
        {
            Id = "ch4.prediction-port-ferme",
            Title = "Prédiction : frapper à une porte fermée",
            Question = "Un client se connecte à un port de 127.0.0.1 où personne n'écoute. Que se passe-t-il : connexion acceptée, refusée aussitôt, ou pas de réponse avant le délai ?",
            IsPrediction = true,
            Rule = ExerciseDefinition.From<PortCheckResult>(run => run.State switch
            {
                PortState.Closed => AnswerRule.OneOf("refusée", "refusée aussitôt", "connexion refusée", "refus", "refusé", "RST", "reset", "fermé", "port fermé", "refusee immediatement"),
                PortState.Open => AnswerRule.OneOf("acceptée", "connexion acceptée", "ouvert", "ouverte"),
                _ => AnswerRule.OneOf("pas de réponse", "aucune réponse", "délai", "timeout", "attente"),
            }),
            ContextHelp = "le résultat du port fermé, ferme",
            SampleContext = () => new PortCheckResult("127.0.0.1", System.Net.IPAddress.Loopback, 12809, PortState.Closed, 0.12, "connexion refusée (RST)"),
            Hint = "La machine existe et répond : son noyau Linux sait qu'aucun programme n'écoute ce port, et il le dit.",
            Explanation = "Sur une machine qui existe, le noyau Linux répond au SYN par un RST : la connexion est refusée en une fraction de milliseconde. Pas de réponse du tout, c'est un pare-feu qui jette, ou une machine absente.",
            Misconceptions =
            [
                new(["pas de réponse", "aucune réponse", "timeout", "délai", "attente", "rien"], "l'attente jusqu'au délai, c'est quand personne ne répond (pare-feu, machine absente) ; ici la machine existe et son noyau Linux répond aussitôt."),
                new(["acceptée", "ouvert", "connexion acceptée"], "pour accepter, il faut un programme à l'écoute sur ce port ; il n'y en a pas."),
            ],
        },
        new()
        {
            Id = "ch4.ports-ouverts",
            Title = "Les ports ouverts du balayage",
            Question = "D'après le balayage, quels ports de la plage sont ouverts ?",
            Rule = ExerciseDefinition.From<IReadOnlyList<PortCheckResult>>(scan =>
                scan.Any(r => r.State == PortState.Open) ? AnswerRule.NumberSet(scan.Where(r => r.State == PortState.Open).Select(r => r.Port)) : null),
            ContextHelp = "le résultat du balayage, balayage",
            SampleContext = () => (IReadOnlyList<PortCheckResult>)Enumerable.Range(12795, 11)
                .Select(p => new PortCheckResult("127.0.0.1", System.Net.IPAddress.Loopback, p, p == 12800 ? PortState.Open : PortState.Closed, 0.1, "")).ToArray(),
            Hint = "Cherchez les lignes « ouvert » du tableau du balayage : ce sont les ports où un programme écoute.",
            Explanation = "Un port est ouvert quand un programme l'écoute : ici le serveur écho du chapitre, et peut-être un autre programme de la machine.",
        },
        new()
        {
            Id = "ch4.drapeau-refus",
            Title = "Le refus, dans la capture",
            Question = "Dans data/04-connexion-refusee.pcap, quel drapeau TCP la machine met-elle dans sa réponse au SYN pour refuser la connexion ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.OneOf("RST", "reset", "RST, ACK", "RST ACK", "RST/ACK", "[RST, ACK]", "RST + ACK")),
            Hint = "Lisez la colonne Info du second paquet : les drapeaux sont entre crochets.",
            Explanation = "RST (reset) dit « personne ici » : le noyau Linux l'envoie, avec ACK pour accuser réception du SYN, quand aucun programme n'écoute le port.",
            Misconceptions =
            [
                new(["SYN", "SYN, ACK", "SYN-ACK", "SYN ACK"], "SYN-ACK serait l'acceptation (port ouvert) ; ici la réponse dit non."),
                new(["FIN", "FIN, ACK"], "FIN ferme poliment une connexion établie ; ici, aucune connexion n'a été établie."),
                new(["ACK"], "ACK y est bien, mais seul il ne refuserait rien : quel autre drapeau l'accompagne ?"),
            ],
        },
    ];

}
