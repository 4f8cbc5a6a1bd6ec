using System.Net;
using NetCourse.Lab;

namespace NetCourse.Course.Exercises;

/// <summary>
/// Chapter 8's code exercise: the TTL loop of a traceroute, given a probe « TTL → answer ». With the chapter's lab up
/// (its live resource « labo »), the probes are real; otherwise answers come from the recorded trace.
/// </summary>
internal static class TtlLoopCodeCheck
{
    /// <summary>The reference loop, as the solution shows it.</summary>
    public const string SolutionCode = """
        async Task<List<IPAddress>> MaBoucle(Func<int, Task<ProbeReply>> sonde)
        {
            var route = new List<IPAddress>();
            for (var ttl = 1; ttl <= 30; ttl++)       // TTL 1, 2, 3… : un routeur de plus à chaque fois
            {
                var reponse = await sonde(ttl);
                route.Add(reponse.From);               // qui a répondu (null : personne, « * »)
                if (reponse.Reached) break;            // la destination elle-même a répondu : fini
            }
            return route;
        }
        """;

    /// <summary>The same loop, as a delegate.</summary>
    public static async Task<List<IPAddress?>> Reference(Func<int, Task<ProbeReply>> sonde)
    {
        var route = new List<IPAddress?>();
        for (var ttl = 1; ttl <= 30; ttl++)
        {
            var reponse = await sonde(ttl).ConfigureAwait(false);
            route.Add(reponse.From);
            if (reponse.Reached) break;
        }
        return route;
    }

    /// <summary>A typical mistake, the notebook's starting code: the loop does not stop when the destination answers.</summary>
    public static async Task<List<IPAddress?>> TypicalMistake(Func<int, Task<ProbeReply>> sonde)
    {
        var route = new List<IPAddress?>();
        for (var ttl = 1; ttl <= 30; ttl++)
            route.Add((await sonde(ttl).ConfigureAwait(false)).From);
        return route;
    }

    /// <summary>Runs the student's loop and reports every probe it sent.</summary>
    public static async Task<CodeReport> RunAsync(Delegate code, CancellationToken token)
    {
        var loop = (Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress?>>>)code;
        var report = await TtlLoopCheck.RunAsync(loop, LiveResources.Find<LabNetwork>("labo")).WaitAsync(token).ConfigureAwait(false);
        var wire = new List<string> { report.Source };
        wire.AddRange(report.Probes.Select(p => p.ToString()));
        return new CodeReport(report.Passed, report.Feedback, wire);
    }
}
