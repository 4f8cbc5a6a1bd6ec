using System.Net;
using NetCourse.Lab;

namespace NetCourse.Course.Exercises;

/// <summary>Chapter 8 (traceroute): the TTL predicted then read, the routers, the reply's TTL, the UDP traceroute, and the TTL loop written by the student.</summary>
public sealed class Chapter8Exercises : IChapterExercises
{
    /// <inheritdoc />
    public IReadOnlyList<ExerciseDefinition> Exercises { get; } =
    [
        new()
        {
            Id = "ch8.prediction-ttl",
            Title = "Prédiction : le TTL qui arrive",
            Question = "Deux routeurs séparent cette machine de l'hôte du labo. Avec quel TTL la sonde atteindra-t-elle l'hôte ?",
            IsPrediction = true,
            Rule = ExerciseDefinition.From<TracerouteResult>(trace => trace.ReachedAtTtl is { } ttl ? AnswerRule.Number(ttl) : null),
            ContextHelp = "le traceroute, trace",
            SampleContext = () => TracerouteCapture.Recorded().ToTrace(),
            Hint = "Chaque routeur retire 1 au TTL et jette la sonde quand il tombe à 0 : il faut que la sonde survive aux deux routeurs.",
            Explanation = "TTL 3 : le routeur 1 le passe à 2, le routeur 2 à 1, et l'hôte reçoit la sonde. Avec n routeurs, il faut un TTL de n + 1.",
            Misconceptions = [new(["2", "deux"], "avec TTL 2, le deuxième routeur fait tomber le TTL à 0 : il jette la sonde et répond « temps dépassé ».")],
        },
        new()
        {
            Id = "ch8.routeurs",
            Title = "Combien de routeurs ?",
            Question = "Combien de routeurs séparent cette machine de l'hôte tracé ?",
            Rule = ExerciseDefinition.From<TracerouteResult>(trace => trace.Reached ? AnswerRule.Number(trace.Routers.Count) : null),
            ContextHelp = "la route reconstruite de la capture, route",
            SampleContext = () => TracerouteCapture.Recorded().ToTrace(),
            Hint = "Comptez les adresses différentes qui répondent « temps dépassé » : chaque routeur répond aux 3 sondes de son TTL, donc 3 lignes par routeur dans la capture.",
            Explanation = "Un routeur par TTL avant la destination : ici 198.18.1.2 (TTL 1) puis 198.18.2.2 (TTL 2).",
            Misconceptions = [new(["6", "six"], "ce sont les « time exceeded » de la capture : 3 sondes par TTL, donc 3 réponses par routeur.")],
        },
        new()
        {
            Id = "ch8.ttl-reponse",
            Title = "Le TTL de la réponse",
            Question = "Avec quel TTL la réponse d'écho de l'hôte arrive-t-elle sur cette machine (colonne TTL de la liste) ?",
            Rule = ExerciseDefinition.From<TracerouteCapture>(capture =>
                capture.Packets.FirstOrDefault(p => p.Kind == IcmpKind.EchoReply) is { } reply ? AnswerRule.Number(reply.Ttl) : null),
            ContextHelp = "la capture du traceroute, capture",
            SampleContext = TracerouteCapture.Recorded,
            Hint = "L'hôte (Linux) part de 64 ; chaque routeur traversé au retour retire 1.",
            Explanation = "64 moins un par routeur traversé au retour : 62 avec deux routeurs.",
            Misconceptions = [new(["64"], "64 est le TTL au départ de l'hôte ; la réponse traverse les routeurs au retour, qui le décrémentent.")],
        },
        new()
        {
            Id = "ch8.port-udp-arrivee",
            Title = "Le traceroute UDP arrive",
            Question = "Dans le traceroute UDP, quel port de destination portait la première sonde qui a atteint l'hôte (réponse « port unreachable ») ?",
            Rule = ExerciseDefinition.From<UdpTraceroute>(udp => udp.Arrival is { } arrival ? AnswerRule.Number(arrival.DestinationPort) : null),
            ContextHelp = "le traceroute UDP, udp",
            SampleContext = UdpTraceroute.Recorded,
            Hint = "Le port augmente de 1 à chaque sonde à partir de 33434, 3 sondes par TTL ; cherchez la première ligne « port unreachable ».",
            Explanation = "33434 + 6 = 33440 : les sondes 1 à 6 (TTL 1 et 2) sont jetées par les routeurs ; la 7ᵉ, TTL 3, arrive sur l'hôte, où rien n'écoute ce port : il répond ICMP type 3 code 3, et le traceroute sait qu'il est arrivé.",
            Misconceptions = [new(["33434"], "33434 est le port de la toute première sonde (TTL 1), jetée par le premier routeur.")],
        },
        new()
        {
            Id = "ch8.boucle-ttl",
            Title = "La boucle du traceroute",
            Question = "Écrivez la boucle : sonder avec TTL 1, 2, 3… et noter qui répond, jusqu'à ce que la destination elle-même réponde — pas une sonde de plus.",
            Kind = ExerciseKind.Code,
            Hint = "for (var ttl = 1; …; ttl++) { var reponse = await sonde(ttl); route.Add(reponse.From); … } — la réponse dit si c'est la destination (Reached).",
            Explanation = "C'est tout traceroute : un TTL de plus à chaque tour, un routeur se dénonce par tour, et l'on s'arrête quand la destination répond.",
            Code = new CodeExercise
            {
                DelegateType = typeof(Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress?>>>),
                Signature = "async Task<List<IPAddress>> MaBoucle(Func<int, Task<ProbeReply>> sonde) { … return route; }",
                Run = TtlLoopCodeCheck.RunAsync,
                Reference = (Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress?>>>)TtlLoopCodeCheck.Reference,
                SolutionCode = TtlLoopCodeCheck.SolutionCode,
                TypicalMistake = (Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress?>>>)TtlLoopCodeCheck.TypicalMistake,
                Bound = TimeSpan.FromSeconds(40),
            },
        },
    ];
}
