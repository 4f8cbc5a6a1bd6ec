using NetCourse.Addressing;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Course.Exercises;

/// <summary>Chapter 1 (qu'est-ce qu'un réseau ?): interfaces, LAN and WAN, wired and wireless, two machines exchanging.</summary>
public sealed class Chapter1Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch1.nom-boucle",
            Title = "Le nom de la boucle locale",
            Question = "Quel est le nom de l'interface de boucle locale de cette machine (dans le tableau des interfaces) ?",
            Rule = ExerciseDefinition.From<IReadOnlyList<InterfaceInfo>>(list =>
                list.FirstOrDefault(i => i.IsLoopback) is { } loopback ? AnswerRule.OneOf(loopback.Name) : AnswerRule.OneOf("lo")),
            ContextHelp = "la liste des interfaces, interfaces",
            SampleContext = () => (IReadOnlyList<InterfaceInfo>)[new InterfaceInfo("lo", "boucle locale", ["127.0.0.1/8"], "00:00:00:00:00:00", "active", null, true)],
            Hint = "Cherchez la ligne dont le type est « boucle locale » : elle porte l'adresse 127.0.0.1.",
            Explanation = "Sous Linux, la boucle locale s'appelle lo (loopback) ; sous Windows, elle n'apparaît pas comme une carte.",
            Misconceptions = [new(["127.0.0.1", "::1"], "c'est son adresse ; la question demande son nom (la première colonne du tableau).")],
        },
        new()
        {
            Id = "ch1.lan-wan",
            Title = "LAN ou WAN",
            Question = "Les ordinateurs d'une salle de classe, reliés à un serveur dans la salle voisine, forment-ils un LAN ou un WAN ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.OneOf("LAN", "réseau local", "local area network", "un réseau local (LAN)", "réseau local LAN")),
            Hint = "Tout tient dans un même bâtiment : la zone géographique est restreinte.",
            Explanation = "Un LAN (réseau local) couvre une zone restreinte — une maison, une salle, un bâtiment — avec en général un serveur et des clients.",
            Misconceptions =
            [
                new(["WAN", "réseau étendu", "wide area network", "internet"], "un WAN relie des réseaux éloignés (villes, pays) ; ici, tout tient dans deux salles voisines."),
                new(["les deux", "LAN et WAN", "LAN ou WAN"], "choisissez l'un des deux : la distance entre les machines décide."),
            ],
        },
        new()
        {
            Id = "ch1.sans-fil",
            Title = "Filaire ou sans fil",
            Question = "Un portable parle au serveur de la salle par la borne Wi-Fi. Sa liaison avec la borne est-elle filaire ou sans fil ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.OneOf("sans fil", "sans-fil", "wifi", "wi-fi", "radio", "ondes radio", "par ondes radio", "sans fil (Wi-Fi)")),
            Hint = "Sur le dessin du LAN, regardez le trait entre le client Wi-Fi et la borne.",
            Explanation = "Le portable parle à la borne par ondes radio (Wi-Fi) ; la borne, elle, est reliée au commutateur par un câble. Un même réseau mélange les deux.",
            Misconceptions = [new(["filaire", "cable", "câble", "ethernet", "par câble"], "la borne est câblée au commutateur, mais le portable, lui, lui parle par ondes radio.")],
        },
        new()
        {
            Id = "ch1.ping-requetes",
            Title = "Des données échangées : le ping",
            Question = "Dans la capture data/01-ping.pcap, combien de demandes d'écho (Echo (ping) request) la machine a-t-elle envoyées ?",
            Rule = ExerciseDefinition.From<PacketTrace>(trace =>
                AnswerRule.Number(trace.Dissect().Count(p => p.Info.StartsWith("Echo (ping) request", StringComparison.Ordinal)))),
            ContextHelp = "la capture chargée, ping",
            SampleContext = () => CourseData.Load("01-ping.pcap"),
            Hint = "Comptez les lignes dont la colonne Info commence par « Echo (ping) request » ; les autres sont les réponses.",
            Explanation = "ping envoie une demande d'écho par seconde et l'autre machine répond à chacune : autant de demandes que de réponses quand rien ne se perd.",
            Misconceptions = [new(["6", "six"], "c'est le nombre total de paquets : demandes et réponses ensemble.")],
        },
    ];
}
