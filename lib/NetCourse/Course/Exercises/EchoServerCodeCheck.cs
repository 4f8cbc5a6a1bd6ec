using System.Net.Sockets;
using System.Text;
using NetCourse.Sockets;

namespace NetCourse.Course.Exercises;

/// <summary>
/// Chapter 5's code exercise: the student's upper-casing echo server, tried by real clients (<see cref="EchoServerCheck"/>:
/// a C# client, the source's Python client, a two-message client). Registered in <see cref="LiveResources"/> while it
/// runs, so re-running the cell stops a server left from an interrupted check.
/// </summary>
internal static class EchoServerCodeCheck
{
    /// <summary>The live resource's name.</summary>
    public const string ResourceName = "ch05-majuscules";

    /// <summary>The reference server, as the solution shows it.</summary>
    public const string SolutionCode = """
        async Task MonServeur(Socket ecoute, CancellationToken arret)
        {
            while (!arret.IsCancellationRequested)
            {
                using var client = await ecoute.AcceptAsync(arret);            // un socket par client
                var tampon = new byte[1024];
                int n;
                while ((n = await client.ReceiveAsync(tampon, arret)) > 0)     // 0 octet : le client a fermé
                {
                    var texte = Encoding.UTF8.GetString(tampon, 0, n);
                    await client.SendAsync(Encoding.UTF8.GetBytes(texte.ToUpperInvariant()), arret);
                }
            }                                                                  // using ferme le socket du client
        }
        """;

    /// <summary>The same server, as a delegate.</summary>
    public static async Task Reference(Socket ecoute, CancellationToken arret)
    {
        while (!arret.IsCancellationRequested)
        {
            using var client = await ecoute.AcceptAsync(arret).ConfigureAwait(false);
            var tampon = new byte[1024];
            int n;
            while ((n = await client.ReceiveAsync(tampon, arret).ConfigureAwait(false)) > 0)
            {
                var texte = Encoding.UTF8.GetString(tampon, 0, n);
                await client.SendAsync(Encoding.UTF8.GetBytes(texte.ToUpperInvariant()), arret).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A typical mistake, the notebook's starting code: one message echoed unchanged, then the next client.</summary>
    public static async Task TypicalMistake(Socket ecoute, CancellationToken arret)
    {
        while (!arret.IsCancellationRequested)
        {
            using var client = await ecoute.AcceptAsync(arret).ConfigureAwait(false);
            var tampon = new byte[1024];
            var n = await client.ReceiveAsync(tampon, arret).ConfigureAwait(false);
            await client.SendAsync(tampon.AsMemory(0, n), arret).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the student's server (a <c>Func&lt;Socket, CancellationToken, Task&gt;</c>) against the clients.</summary>
    public static async Task<CodeReport> RunAsync(Delegate code, CancellationToken token)
    {
        var server = (Func<Socket, CancellationToken, Task>)code;
        var check = await LiveResources.ReplaceAsync(ResourceName, () => Task.FromResult(EchoServerCheck.Start(server))).ConfigureAwait(false);
        try
        {
            var report = await check.RunAsync().WaitAsync(token).ConfigureAwait(false);
            var wire = new List<string> { report.Notice };
            wire.AddRange(report.Trials.Select(t => $"{(t.Passed ? "✔" : "✘")} {t.Client} : {t.Wire}"));
            if (report.ServerProblem is not null) wire.Add(report.ServerProblem);
            return new CodeReport(report.Passed, report.Feedback, wire);
        }
        finally
        {
            await LiveResources.StopAsync(ResourceName).ConfigureAwait(false);
        }
    }
}
