using NetCourse.Capture;
using NetCourse.Dissection;
using PacketDotNet;

namespace NetCourse.Course.Exercises;

/// <summary>Chapter 7 (les couches): which layer holds a field, ARP on the link layer (data/07-arp.pcap, a display filter for its requests), and a UDP probe built by the student.</summary>
public sealed class Chapter7Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch7.couches",
            Title = "Quelle couche porte ce champ ?",
            Question = "Pour chaque champ (eth.dst, ip.ttl, tcp.dstport, frame.len), la couche qui le porte : liaison, réseau, transport, application ou média (la ligne Frame).",
            Rule = ExerciseDefinition.From<DissectedPacket>(packet => new LayerAnswerRule(packet)),
            ContextHelp = "le paquet relu, recu",
            SampleContext = () => CaptureLayers.FirstWithData("06-tcp-handshake.pcap"),
            Hint = "Un champ appartient à l'en-tête qui le porte : les adresses MAC à la trame, les adresses IP et le TTL au paquet, les ports au segment. Ouvrez les entrées du panneau de détails.",
            Explanation = "eth.dst : liaison (Ethernet) ; ip.ttl : réseau (IPv4) ; tcp.dstport : transport (TCP) ; frame.len : la ligne Frame, les métadonnées de la capture — aucune couche, ni physique ni autre : aucun octet du paquet ne la porte.",
        },
        new()
        {
            Id = "ch7.arp-diffusion",
            Title = "À qui A demande-t-il ?",
            Question = "Dans data/07-arp.pcap, à quelle adresse MAC de destination la trame « Who has 198.18.0.2? » est-elle envoyée ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.OneOf("ff:ff:ff:ff:ff:ff", "FF-FF-FF-FF-FF-FF", "Broadcast", "diffusion", "adresse de diffusion", "tout le monde")),
            Hint = "A ne connaît pas encore la MAC de B : il ne peut pas l'écrire. Regardez la colonne Destination de la première ligne.",
            Explanation = "ff:ff:ff:ff:ff:ff, la diffusion : toutes les machines du lien reçoivent la question ; seule celle qui porte 198.18.0.2 répond, directement à A.",
            Misconceptions =
            [
                new(["00:00:00:00:00:00"], "ces zéros sont dans le message ARP (l'adresse cible « inconnue », arp.dst.hw_mac), pas dans l'en-tête Ethernet de la trame."),
                new(["198.18.0.2"], "c'est l'adresse IP cherchée ; la question porte sur l'adresse MAC de destination de la trame Ethernet."),
            ],
        },
        new()
        {
            Id = "ch7.arp-reponse",
            Title = "La réponse ARP",
            Question = "Quelle adresse MAC la réponse ARP donne-t-elle pour 198.18.0.2 ?",
            Rule = ExerciseDefinition.From<IReadOnlyList<DissectedPacket>>(packets =>
                packets.FirstOrDefault(p => p.GetValue("arp.opcode")?.Integer == 2)?.FieldText("arp.src.hw_mac") is { Length: > 0 } mac
                    ? AnswerRule.OneOf(mac, mac.Replace(':', '-').ToUpperInvariant()) : null),
            ContextHelp = "les paquets de data/07-arp.pcap, arp",
            SampleContext = () => CourseData.Load("07-arp.pcap").Dissect(),
            Hint = "Lisez la deuxième ligne : « 198.18.0.2 is at … ».",
            Explanation = "B répond directement à A (pas en diffusion) avec sa propre adresse MAC ; A la garde dans son cache ARP et peut enfin envoyer son ping dans une trame adressée à B.",
            Misconceptions = [new(["ff:ff:ff:ff:ff:ff", "Broadcast"], "c'est la destination de la question ; la réponse, elle, donne l'adresse de B.")],
        },
        new()
        {
            Id = "ch7.filtre-arp",
            Title = "Un filtre pour les seules questions ARP",
            Question = "Écrivez un filtre d'affichage qui garde exactement les requêtes ARP (« Who has … ? ») de data/07-arp.pcap : ni la réponse, ni les pings.",
            Kind = ExerciseKind.Code,
            Filter = new FilterExercise
            {
                Target = FilterTarget.ArpRequests,
                Solution = "arp.opcode == 1",
                Equivalents = ["arp.opcode != 2 && arp", "arp && !(arp.opcode == 2)", "arp.opcode < 2"],
                WrongExamples = ["arp", "arp.opcode == 2", "icmp", "arp.opcode =="],
                RecordedCapture = "07-arp.pcap",
            },
            SampleContext = () => CourseData.Load("07-arp.pcap").Dissect(),
            Hint = "Le filtre « arp » garde toute la conversation ARP, réponse comprise. Ouvrez l'entrée ARP de la requête, plus haut : un champ y dit si le message est une question (1) ou une réponse (2).",
            Explanation = "arp.opcode == 1 : seules les requêtes passent (opcode 1, request) ; la réponse porte l'opcode 2 (reply), et les pings n'ont pas d'en-tête ARP du tout. Le même champ distingue les deux messages dans toute capture, alors qu'un filtre sur la destination ff:ff:ff:ff:ff:ff garderait n'importe quelle diffusion.",
        },
        new()
        {
            Id = "ch7.sonde-udp",
            Title = "Une sonde UDP faite main",
            Question = "Construisez avec PacketDotNet une trame Ethernet → IPv4 → UDP de 127.0.0.1 vers 127.0.0.1, port 33434 (où rien n'écoute). Le noyau Linux doit répondre ICMP « port unreachable ».",
            Kind = ExerciseKind.Code,
            Hint = "Un en-tête dont la somme de contrôle est fausse est jeté sans un mot : calculez celle d'UDP (UpdateUdpChecksum) puis celle d'IP (UpdateIPChecksum), une fois le datagramme rangé dans son paquet.",
            Explanation = "Le noyau Linux vérifie chaque en-tête, de bas en haut : somme IP, longueurs, somme UDP (qui couvre un pseudo-en-tête IP) ; puis, aucun socket n'écoutant le port, il répond ICMP type 3 code 3 en citant l'en-tête IP et les 8 premiers octets UDP de la sonde.",
            Code = new CodeExercise
            {
                DelegateType = typeof(Func<EthernetPacket>),
                Signature = "EthernetPacket ConstruireSonde() { … return trame; }",
                Run = UdpProbeCodeCheck.RunAsync,
                Reference = (Func<EthernetPacket>)UdpProbeCodeCheck.Reference,
                SolutionCode = UdpProbeCodeCheck.SolutionCode,
                TypicalMistake = (Func<EthernetPacket>)UdpProbeCodeCheck.TypicalMistake,
            },
        },
    ];
}
