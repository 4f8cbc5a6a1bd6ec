using System.Globalization;
using System.Net;
using NetCourse.Addressing;
using NetCourse.Dissection;

namespace NetCourse.Course.Exercises;

/// <summary>Chapter 3 (adresses IP et DNS): private addresses, NAT, the UDP trick, DNS answers, a lookup written by the student.</summary>
public sealed class Chapter3Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch3.adresse-privee",
            Title = "Une adresse privée",
            Question = "Parmi 80.13.3.35, 172.20.1.5, 198.18.0.1 et ::1, laquelle est une adresse privée (RFC 1918) ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.Address("172.20.1.5")),
            Hint = "Les plages privées IPv4 sont 10.0.0.0/8, 172.16.0.0/12 (de 172.16 à 172.31) et 192.168.0.0/16.",
            Explanation = "172.20.1.5 est dans 172.16.0.0/12 (172.16 à 172.31) : une adresse privée, réutilisable dans chaque réseau local, jamais routée sur Internet.",
            Misconceptions =
            [
                new(["80.13.3.35"], "c'est une adresse publique : celle que la source a obtenue pour son site web."),
                new(["198.18.0.1"], "198.18.0.0/15 est réservée aux bancs d'essai (RFC 2544, le labo du cours), pas aux réseaux privés."),
                new(["::1"], "c'est la boucle locale IPv6, pas une adresse de réseau privé."),
            ],
        },
        new()
        {
            Id = "ch3.astuce-udp",
            Title = "Ce que l'astuce UDP envoie",
            Question = "Combien de paquets `connect` sur un socket UDP envoie-t-il vers la destination ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.OneOf("0", "aucun", "zéro", "rien", "aucun paquet", "0 paquet", "pas de paquet")),
            Hint = "UDP n'a pas de connexion : connect ne fait que choisir la route et l'adresse source.",
            Explanation = "connect sur un socket UDP n'envoie rien : le noyau Linux consulte sa table de routage et fixe l'adresse source. Mais résoudre un nom comme google.com, avant, envoie une requête DNS.",
            Misconceptions =
            [
                new(["1", "un", "un paquet"], "c'est TCP qui enverrait un SYN ; UDP n'a pas de poignée de main. (Seule la résolution d'un nom, avant, envoie une requête DNS.)"),
                new(["3", "trois"], "trois paquets, c'est la poignée de main de TCP ; connect sur UDP n'en envoie aucun."),
            ],
        },
        new()
        {
            Id = "ch3.nat",
            Title = "NAT : l'adresse que voit le serveur web",
            Question = "Sur le dessin, le PC 192.168.1.20 ouvre une page web. Quelle adresse source le serveur web voit-il ?",
            Rule = ExerciseDefinition.Fixed(AnswerRule.Address(NatDrawing.BoxPublic)),
            Hint = "Une adresse privée n'est jamais routée sur Internet : quelqu'un la remplace avant que le paquet ne sorte.",
            Explanation = $"La box fait du NAT : elle remplace l'adresse source privée (192.168.1.20) par son adresse publique ({NatDrawing.BoxPublic}) et note la correspondance pour rendre la réponse au bon PC. C'est pourquoi l'astuce UDP donne une adresse privée : elle lit l'adresse avant la box.",
            Misconceptions =
            [
                new(["192.168.1.20"], "c'est l'adresse privée du PC, celle que donne l'astuce UDP ; elle ne sort pas de la maison : la box la remplace."),
                new(["192.168.1.1"], "c'est l'adresse de la box côté maison ; côté Internet, elle en a une autre."),
                new([NatDrawing.WebServer], "c'est l'adresse du serveur web lui-même (la destination), pas la source."),
            ],
        },
        new()
        {
            Id = "ch3.nat-port",
            Title = "NAT : le port que la box réutilise",
            Question = "Dans les captures du NAT, le PC renvoie un datagramme depuis le même port 50000 vers le même serveur. Quel port source le serveur verra-t-il ?",
            // Computed from the captures: the Internet-side source port of the outgoing datagram (chosen by the box when
            // the captures were made), so it cannot be guessed from the text.
            Rule = ExerciseDefinition.From<NatRewriteView>(view =>
                view.Crossings.FirstOrDefault(c => c.Outgoing) is { } sent
                && int.TryParse(sent.Internet.FieldText(sent.Transport + ".srcport"), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                    ? AnswerRule.Number(port) : null),
            ContextHelp = "la vue des captures du NAT, nat",
            SampleContext = NatRewriteView.Recorded,
            Hint = "La box a noté dans sa table NAT « PC:50000 ↔ un port à elle » ; tant qu'elle garde cette ligne, elle la réutilise. Lisez le port source côté Internet.",
            Explanation = "La box garde sa correspondance (sa table NAT ; sous Linux, le suivi des connexions) : le même PC et le même port vers le même serveur ressortent avec la même adresse et le même port publics, ceux de data/03-nat-internet.pcap. C'est aussi grâce à elle que la réponse, adressée à ce port de la box, revient au PC.",
            Misconceptions =
            [
                new(["50000"], "c'est le port du PC, côté maison : la box le remplace par un port à elle avant que le datagramme sorte."),
                new(["12800"], "c'est le port du serveur : la destination, que la box ne change pas."),
            ],
        },
        new()
        {
            Id = "ch3.reponse-dns",
            Title = "Ce que répond le serveur DNS",
            Question = "Que répond le serveur DNS du cours pour chat.netcourse.test (type A) ?",
            Rule = ExerciseDefinition.From<CourseDnsServer>(server =>
                server.Zone.Lookup("chat.netcourse.test", DnsRecordType.A) is [var first, ..] ? AnswerRule.Address(first.ToString()) : null),
            ContextHelp = "le serveur DNS démarré plus haut, dns",
            SampleContext = () => CourseDnsServer.StartAsync(0).GetAwaiter().GetResult(),
            Hint = "Interrogez-le dans une cellule à vous : await DnsClient.QueryAsync(dns.EndPoint, \"chat.netcourse.test\") ; ou lisez la zone plus haut.",
            Explanation = "Le serveur lit la question (nom, type A), cherche le nom dans sa zone et renvoie un enregistrement A avec l'adresse.",
        },
        new()
        {
            Id = "ch3.recherche-dns",
            Title = "Écrire une recherche DNS",
            Question = "Écrivez la recherche : envoyez une question DNS (type A) en UDP au serveur reçu en paramètre, lisez la réponse et rendez l'adresse.",
            Kind = ExerciseKind.Code,
            Hint = "DnsMessage.Query(1234, nom, DnsRecordType.A).ToBytes() donne les octets ; UdpClient.SendAsync(octets, serveur) puis ReceiveAsync() (borné avec WaitAsync) ; DnsMessage.Parse(recu.Buffer).Answers[0].Address.",
            Explanation = "Une recherche DNS, c'est un datagramme UDP aller (la question) et un retour (la réponse, même identifiant) : pas de connexion, d'où le délai à prévoir.",
            Code = new CodeExercise
            {
                DelegateType = typeof(Func<IPEndPoint, string, Task<string>>),
                Signature = "async Task<string> MaRecherche(IPEndPoint serveur, string nom) { … return adresse; }",
                Run = DnsLookupCodeCheck.RunAsync,
                Reference = (Func<IPEndPoint, string, Task<string>>)DnsLookupCodeCheck.Reference,
                SolutionCode = DnsLookupCodeCheck.SolutionCode,
                // A typical mistake: the address is guessed instead of asked for.
                TypicalMistake = (Func<IPEndPoint, string, Task<string>>)((_, _) => Task.FromResult("127.0.0.1")),
            },
        },
    ];
}
