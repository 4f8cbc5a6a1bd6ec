using System.Net.Sockets;
using System.Text;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

/// <summary>
/// Chapter 5's code exercise: real clients (C#, the source's Python client) against servers a student could write —
/// the solution and its variants pass; the starting code, a server that reads one message, one that never accepts and
/// one that throws are each refused with what happened on the wire. Free ports only (never 12800 in tests).
/// </summary>
[Collection(SerialCollection.Name)]
public class EchoServerCheckTests
{
    /// <summary>The chapter's solution: accept in a loop, read until 0 byte, send back in capitals.</summary>
    internal static async Task Solution(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptAsync(stop);
            var buffer = new byte[1024];
            int n;
            while ((n = await client.ReceiveAsync(buffer, stop)) > 0)
            {
                var text = Encoding.UTF8.GetString(buffer, 0, n);
                await client.SendAsync(Encoding.UTF8.GetBytes(text.ToUpperInvariant()), stop);
            }
        }
    }

    /// <summary>A variant: one task per client, upper-casing with the current culture.</summary>
    private static async Task ConcurrentVariant(Socket listener, CancellationToken stop)
    {
        while (true)
        {
            var client = await listener.AcceptAsync(stop);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    var buffer = new byte[64];
                    for (int n; (n = await client.ReceiveAsync(buffer, stop)) > 0;)
                        await client.SendAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, n).ToUpperInvariant()), stop);
                }
            }, stop);
        }
    }

    /// <summary>The starting code of the cell: an echo that sends the message back unchanged, one message per client.</summary>
    private static async Task StartingCode(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptAsync(stop);
            var buffer = new byte[1024];
            var n = await client.ReceiveAsync(buffer, stop);
            await client.SendAsync(buffer.AsMemory(0, n), stop);
        }
    }

    private static async Task OneMessagePerClient(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptAsync(stop);
            var buffer = new byte[1024];
            var n = await client.ReceiveAsync(buffer, stop);
            await client.SendAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, n).ToUpperInvariant()), stop);
        }
    }

    private static Task NeverAccepts(Socket listener, CancellationToken stop) => Task.Delay(Timeout.Infinite, stop);

    private static async Task Throws(Socket listener, CancellationToken stop)
    {
        using var client = await listener.AcceptAsync(stop);
        throw new InvalidOperationException("oups");
    }

    [SkippableFact]
    public async Task The_solution_and_a_concurrent_variant_pass_with_every_client()
    {
        Requires.Tool("python3", "python3");
        foreach (var server in new Func<Socket, CancellationToken, Task>[] { Solution, ConcurrentVariant })
        {
            var report = await EchoServerCheck.CheckAsync(server, port: 0);
            Assert.True(report.Passed, report.ToString());
            Assert.Equal(3, report.Trials.Count);
            Assert.Contains(report.Trials, t => t.Client.Contains("Python", StringComparison.Ordinal) && t.Received[0] == "BONJOUR DEPUIS PYTHON");
            Assert.Null(report.ServerProblem);
        }
    }

    [SkippableFact]
    public async Task The_starting_code_is_told_what_it_answered()
    {
        Requires.Tool("python3", "python3");
        var report = await EchoServerCheck.CheckAsync(StartingCode, port: 0);
        Assert.False(report.Passed);
        Assert.Contains("votre serveur a répondu « Bonjour, réseau ! » (18 octets) au lieu de « BONJOUR, RÉSEAU ! »", report.Feedback);
        Assert.Contains("au lieu de « BONJOUR DEPUIS PYTHON »", report.Feedback);
    }

    [SkippableFact]
    public async Task A_server_that_reads_one_message_is_told_it_closed_after_it()
    {
        Requires.Tool("python3", "python3");
        var report = await EchoServerCheck.CheckAsync(OneMessagePerClient, port: 0);
        Assert.False(report.Passed);
        Assert.True(report.Trials[0].Passed && report.Trials[1].Passed, report.ToString());
        Assert.Equal("UN", report.Trials[2].Received[0]);
        Assert.Contains("« deux »", report.Trials[2].Wire);
        Assert.Matches("FIN|RST|coupé", report.Trials[2].Wire);
    }

    [SkippableFact]
    public async Task A_server_that_never_accepts_is_told_the_kernel_connected_but_nothing_came_back()
    {
        Requires.Tool("python3", "python3");
        var report = await EchoServerCheck.CheckAsync(NeverAccepts, port: 0);
        Assert.False(report.Passed);
        Assert.Contains("c'est le noyau Linux qui fait la poignée de main", report.Trials[0].Wire);
        Assert.True(report.Trials[1].Wire.Contains("recv n'a rien reçu", StringComparison.Ordinal), report.Trials[1].Wire);
    }

    [Fact]
    public async Task A_server_that_throws_is_reported_with_its_exception_and_the_port_is_released()
    {
        await using var check = EchoServerCheck.Start(Throws, port: 0);
        var port = check.Port;
        var report = await check.RunAsync();
        Assert.False(report.Passed);
        Assert.Contains("InvalidOperationException — oups", report.ServerProblem);
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => again.ConnectAsync("127.0.0.1", port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
