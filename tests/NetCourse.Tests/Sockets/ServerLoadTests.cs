using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

/// <summary>
/// Load (issue 6): many concurrent clients against the servers, every message checked — 0 lost, 0 corrupted — and the
/// server's memory bounded. Each test is bounded in time; run them alone with --filter "Category=Load".
/// </summary>
[Collection(SerialCollection.Name)]
[Trait("Category", "Load")]
public class ServerLoadTests
{
    private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, CancellationToken token)
    {
        var buffer = new byte[count];
        for (var got = 0; got < count;)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(got), SocketFlags.None, token);
            if (n == 0) throw new IOException($"fermé après {got} octets");
            got += n;
        }
        return buffer;
    }

    /// <summary>1 000 clients × 100 messages against `netcourse serve echo`, a real process; its peak memory is read from /proc.</summary>
    [Fact]
    public async Task Serve_echo_handles_1000_concurrent_clients_times_100_messages()
    {
        const int clients = 1000, messages = 100;
        await using var server = await CliServer.StartAsync("echo", "--max-clients", "2000");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        long echoed = 0, corrupted = 0, failed = 0;
        var watch = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(200); // connect 200 at a time; all 1000 stay connected together
        var connected = 0;
        var allConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await gate.WaitAsync(bound.Token);
                try { await socket.ConnectAsync(IPAddress.Loopback, server.Port, bound.Token); }
                finally { gate.Release(); }
                if (Interlocked.Increment(ref connected) == clients) allConnected.SetResult();
                await allConnected.Task.WaitAsync(bound.Token);
                var random = new Random(c);
                for (var m = 0; m < messages; m++)
                {
                    var message = new byte[8 + random.Next(1, 300)];
                    random.NextBytes(message);
                    BitConverter.TryWriteBytes(message.AsSpan(0, 4), c);
                    BitConverter.TryWriteBytes(message.AsSpan(4, 4), m);
                    await socket.SendAsync(message, SocketFlags.None, bound.Token);
                    var reply = await ReceiveExactlyAsync(socket, message.Length, bound.Token);
                    if (reply.AsSpan().SequenceEqual(message)) Interlocked.Increment(ref echoed);
                    else Interlocked.Increment(ref corrupted);
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
            }
        })));
        var peakKiB = PeakMemoryKiB(server.Pid);
        Assert.Equal(0, failed);
        Assert.Equal(0, corrupted);
        Assert.Equal(clients * messages, echoed);
        Assert.InRange(peakKiB, 1, 400 * 1024); // the server's peak resident memory stays under 400 MiB
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serve echo: {clients}×{messages} messages in {watch.Elapsed.TotalSeconds:0.0} s, peak RSS {peakKiB / 1024} MiB"));
    }

    [Fact]
    public async Task The_http_server_answers_1000_concurrent_clients_5_requests_each()
    {
        const int clients = 1000, requests = 5;
        await using var server = await TinyHttpServer.StartAsync(0);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        using var gate = new SemaphoreSlim(300);
        long ok = 0, wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var r = 0; r < requests; r++)
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
        Assert.Equal(clients * requests, ok);
        Assert.Equal(clients * requests, server.Statuses[200]);
    }

    [Fact]
    public async Task The_chat_delivers_every_line_to_every_other_client_in_order()
    {
        const int clients = 100, lines = 20;
        await using var server = await ChatServer.StartAsync(0);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var members = new LineClient[clients];
        for (var i = 0; i < clients; i++)
        {
            members[i] = await LineClient.ConnectAsync(server.EndPoint, TimeSpan.FromSeconds(60), bound.Token);
            Assert.StartsWith("Bienvenue", await members[i].ReadLineAsync(TimeSpan.FromSeconds(30), bound.Token));
        }
        try
        {
            // Every client reads everything until it has seen all the lines of all the others (joins are skipped).
            var readers = members.Select((member, me) => Task.Run(async () =>
            {
                var next = new int[clients];
                var expected = (clients - 1) * lines;
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
                for (var n = 0; n < lines; n++) await member.SendLineAsync($"message {n} de {me}", bound.Token);
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

    private static long PeakMemoryKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return -1;
    }
}
