using System.Globalization;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

/// <summary>
/// Load (issue 6): many concurrent HTTP and chat clients, every answer checked. The echo load (1 000 × 100, library
/// server and `netcourse serve echo` process) lives in Reliability/ServerReliabilityTests. Each test is bounded in time; run them alone with --filter "Category=Load".
/// </summary>
[Collection(SerialCollection.Name)]
[Trait("Category", "Load")]
public class ServerLoadTests
{
    [Fact]
    public async Task The_http_server_answers_1000_concurrent_clients_5_requests_each()
    {
        const int Clients = 1000, Requests = 5;
        await using var server = await TinyHttpServer.StartAsync(0);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        using var gate = new SemaphoreSlim(300);
        long ok = 0, wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var r = 0; r < Requests; r++)
            {
                await gate.WaitAsync(bound.Token);
                try
                {
                    var exchange = await RawHttp.SendAsync(server.EndPoint, RawHttp.Get($"/echo?c={c}&r={r}", "charge"), TimeSpan.FromSeconds(60), bound.Token);
                    if (exchange.StatusCode == 200 && exchange.Body.Contains($"GET /echo?c={c}&r={r} HTTP/1.1", StringComparison.Ordinal)) Interlocked.Increment(ref ok);
                    else Interlocked.Increment(ref wrong);
                }
                finally { gate.Release(); }
            }
        })));
        Assert.Equal(0, wrong);
        Assert.Equal(Clients * Requests, ok);
        Assert.Equal(Clients * Requests, server.Statuses[200]);
    }

    [Fact]
    public async Task The_chat_delivers_every_line_to_every_other_client_in_order()
    {
        const int Clients = 100, Lines = 20;
        await using var server = await ChatServer.StartAsync(0);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var members = new LineClient[Clients];
        for (var i = 0; i < Clients; i++)
        {
            members[i] = await LineClient.ConnectAsync(server.EndPoint, TimeSpan.FromSeconds(60), bound.Token);
            Assert.StartsWith("Bienvenue", await members[i].ReadLineAsync(TimeSpan.FromSeconds(30), bound.Token));
        }
        try
        {
            // Every client reads everything until it has seen all the lines of all the others (joins are skipped).
            var readers = members.Select((member, me) => Task.Run(async () =>
            {
                var next = new int[Clients];
                var expected = (Clients - 1) * Lines;
                var seen = 0;
                var misordered = 0;
                while (seen < expected)
                {
                    var line = await member.ReadLineAsync(TimeSpan.FromSeconds(60), bound.Token) ?? throw new IOException("fermé");
                    if (!line.StartsWith("[client", StringComparison.Ordinal)) continue;
                    var close = line.IndexOf(']', StringComparison.Ordinal);
                    var from = int.Parse(line[7..close], CultureInfo.InvariantCulture) - 1;
                    var n = int.Parse(line[(close + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                    if (from == me || n != next[from]) misordered++;
                    next[from] = n + 1;
                    seen++;
                }
                return misordered;
            })).ToArray();
            await Task.WhenAll(members.Select((member, me) => Task.Run(async () =>
            {
                for (var n = 0; n < Lines; n++) await member.SendLineAsync($"message {n} de {me}", bound.Token);
            })));
            var misordered = await Task.WhenAll(readers);
            Assert.All(misordered, m => Assert.Equal(0, m));
            Assert.Equal(0, server.Stats.Dropped);
        }
        finally
        {
            foreach (var m in members) await m.DisposeAsync();
        }
    }
}
