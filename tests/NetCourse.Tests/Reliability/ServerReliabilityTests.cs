using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Addressing;
using NetCourse.Sockets;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Reliability;

/// <summary>
/// Reliability under load (issue 6), loopback only, every test bounded in time: 1 000 clients at once against the
/// course's servers, each message carrying its client id, sequence number and checksum (0 lost, 0 corrupted), the
/// managed heap measured before and after, and troublemakers in the crowd (silent, slow-reading, vanishing mid-message,
/// malformed requests) that must time out or be answered with an error without disturbing anyone else.
/// The tests of this class run one after the other (one xunit collection).
/// </summary>
[Collection(SerialCollection.Name)]
[Trait("Category", "Reliability")]
public class ServerReliabilityTests
{
    private const int Clients = 1000;

    private static long HeapAfterCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint server, CancellationToken token)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Connects <paramref name="count"/> clients, at most 200 handshakes at a time, and waits until all are connected.</summary>
    private static async Task<Socket[]> ConnectAllAsync(IPEndPoint server, int count, CancellationToken token)
    {
        using var gate = new SemaphoreSlim(200);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync(token);
            try { return await ConnectAsync(server, token); }
            finally { gate.Release(); }
        }));
    }

    private static void Report(string text) => Console.WriteLine(text);

    /// <summary>What the echo load counted: messages echoed intact, echoed damaged, clients that failed.</summary>
    private sealed class EchoTally
    {
        public long Echoed;
        public long Corrupted;
        public long Failed;

        public void AssertAllEchoed(long expected)
        {
            Assert.Equal(0, Failed);
            Assert.Equal(0, Corrupted);
            Assert.Equal(expected, Echoed);
        }
    }

    /// <summary>
    /// The echo load, in one place: every socket sends <paramref name="messages"/> messages carrying its id, their
    /// sequence number and a checksum, reads each echo back and checks it; the sockets are closed at the end.
    /// </summary>
    private static Task TalkAsync(Socket[] sockets, int messages, EchoTally tally, CancellationToken token) =>
        Task.WhenAll(sockets.Select((socket, c) => Task.Run(async () =>
        {
            try
            {
                var random = new Random(c);
                for (var m = 0; m < messages; m++)
                {
                    var message = LoadMessage.Build(c, m, random, 300);
                    await socket.SendAsync(message, SocketFlags.None, token);
                    var reply = await SocketReads.ReceiveExactlyAsync(socket, message.Length, token);
                    if (LoadMessage.IsIntact(reply, c, m)) Interlocked.Increment(ref tally.Echoed);
                    else Interlocked.Increment(ref tally.Corrupted);
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                Interlocked.Increment(ref tally.Failed);
            }
            finally { socket.Dispose(); }
        }, token)));

    /// <summary>The same load against `netcourse serve echo`, a real process, whose peak resident memory is read from /proc.</summary>
    [Fact]
    public async Task Serve_echo_process_1000_clients_x_100_checked_messages_in_bounded_memory()
    {
        const int Messages = 100;
        await using var server = await CliServer.StartAsync("echo", "--max-clients", "2000");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var watch = Stopwatch.StartNew();
        var sockets = await ConnectAllAsync(new IPEndPoint(IPAddress.Loopback, server.Port), Clients, bound.Token);
        var tally = new EchoTally();
        await TalkAsync(sockets, Messages, tally, bound.Token);
        var peakKiB = PeakMemoryKiB(server.Pid);
        tally.AssertAllEchoed(Clients * Messages);
        Assert.InRange(peakKiB, 1, 400 * 1024); // the server's peak resident memory stays under 400 MiB
        Report(string.Create(CultureInfo.InvariantCulture,
            $"serve echo : {Clients}×{Messages} messages en {watch.Elapsed.TotalSeconds:0.0} s, pic de mémoire résidente {peakKiB / 1024} Mio"));
    }

    private static long PeakMemoryKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return -1;
    }

    [Fact]
    public async Task Echo_server_1000_clients_x_100_checked_messages_among_silent_slow_and_vanishing_clients()
    {
        const int Messages = 100, SilentCount = 5, SlowCount = 3, VanishingCount = 20;
        var idle = TimeSpan.FromSeconds(12);
        var heapBefore = HeapAfterCollect();
        var watch = Stopwatch.StartNew();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var tally = new EchoTally();
        long peakHeap = 0;
        await using (var server = await EchoServer.StartAsync(0, options: new ServerOptions(idle, MaxClients: 2000, Backlog: 1024), fallbackToFreePort: false))
        {
            var sockets = await ConnectAllAsync(server.EndPoint, Clients, bound.Token);
            var silent = await ConnectAllAsync(server.EndPoint, SilentCount, bound.Token);
            // Slow readers: send a lot, never read; the server's replies fill the buffers and its send times out.
            var slow = await ConnectAllAsync(server.EndPoint, SlowCount, bound.Token);
            var slowTasks = slow.Select(s => Task.Run(async () =>
            {
                var chunk = new byte[64 * 1024];
                try
                {
                    for (var i = 0; i < 2048; i++) await s.SendAsync(chunk, SocketFlags.None, bound.Token);
                    return false;
                }
                catch (SocketException) { return true; } // the server gave up on us
            })).ToArray();
            var vanishing = Task.Run(async () =>
            {
                // Half a message, then a reset (linger 0), while the 1 000 are talking.
                for (var v = 0; v < VanishingCount; v++)
                {
                    using var s = await ConnectAsync(server.EndPoint, bound.Token);
                    await s.SendAsync(LoadMessage.Build(-1, v, new Random(v), 600).AsMemory(0, 7), SocketFlags.None, bound.Token);
                    s.LingerState = new LingerOption(true, 0);
                    s.Close();
                    await Task.Delay(20, bound.Token);
                }
            });
            var sampling = Task.Run(async () =>
            {
                while (!bound.IsCancellationRequested && Interlocked.Read(ref tally.Echoed) + Interlocked.Read(ref tally.Failed) * Messages < Clients * Messages)
                {
                    var heap = GC.GetTotalMemory(false);
                    if (heap > Interlocked.Read(ref peakHeap)) Interlocked.Exchange(ref peakHeap, heap);
                    await Task.Delay(200);
                }
            });
            await TalkAsync(sockets, Messages, tally, bound.Token);
            var talked = watch.Elapsed;
            await vanishing;
            await sampling;
            // The silent clients are cut after the idle timeout: the server closes them (a read returns 0 or a reset).
            foreach (var s in silent)
            {
                using (s)
                {
                    var buffer = new byte[16];
                    s.ReceiveTimeout = (int)(idle * 3).TotalMilliseconds;
                    int n;
                    try { n = s.Receive(buffer); }
                    catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset) { n = 0; }
                    Assert.Equal(0, n);
                }
            }
            var slowCut = await Task.WhenAll(slowTasks).WaitAsync(idle * 4, bound.Token);
            foreach (var s in slow) s.Dispose();
            Assert.All(slowCut, Assert.True);
            tally.AssertAllEchoed(Clients * Messages);
            Assert.True(server.Stats.TimedOut >= SilentCount + SlowCount, $"TimedOut = {server.Stats.TimedOut}");
            // Still answering after all that.
            using var after = await ConnectAsync(server.EndPoint, bound.Token);
            var last = LoadMessage.Build(7, 7, new Random(7), 100);
            await after.SendAsync(last, SocketFlags.None, bound.Token);
            Assert.True(LoadMessage.IsIntact(await SocketReads.ReceiveExactlyAsync(after, last.Length, bound.Token), 7, 7));
            Report(string.Create(CultureInfo.InvariantCulture,
                $"écho (bibliothèque) : {Clients}×{Messages} messages en {talked.TotalSeconds:0.0} s, délais dépassés {server.Stats.TimedOut}, abandons {server.Stats.Dropped}, pic du tas {peakHeap / 1e6:0} Mo"));
        }
        var heapAfter = HeapAfterCollect();
        Report(string.Create(CultureInfo.InvariantCulture, $"écho : tas géré avant {heapBefore / 1e6:0.0} Mo, après {heapAfter / 1e6:0.0} Mo"));
        // Nothing of the 1 028 connections survives the server (other tests share the process, hence the margin).
        Assert.InRange(heapAfter - heapBefore, long.MinValue, 64L << 20);
        Assert.InRange(peakHeap, 0, 1L << 30);
    }

    [Fact]
    public async Task Dns_server_answers_1000_clients_x_100_queries_and_survives_malformed_datagrams()
    {
        const int Queries = 100;
        var zone = new DnsZone("charge.test");
        for (var c = 0; c < Clients; c++) zone.Add($"c{c}.charge.test", new IPAddress([127, 1, (byte)(c >> 8), (byte)c]));
        var heapBefore = HeapAfterCollect();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        long good = 0, wrong = 0, lost = 0, retried = 0, malformedAnswered = 0, malformedSent = 0;
        var watch = Stopwatch.StartNew();
        await using (var server = await CourseDnsServer.StartAsync(0, zone))
        {
            var junk = Task.Run(async () =>
            {
                // Malformed datagrams from another socket while the load runs: FORMERR/NOTIMP answers or silence.
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                s.Connect(server.EndPoint);
                var random = new Random(53);
                var reply = new byte[4096];
                for (var i = 0; i < 2000 && !bound.IsCancellationRequested; i++)
                {
                    var datagram = new byte[random.Next(0, 120)];
                    random.NextBytes(datagram);
                    if (datagram.Length > 2 && i % 2 == 0) datagram[2] &= 0x7f; // a "question", so it is answered or refused
                    await s.SendAsync(datagram, SocketFlags.None, bound.Token);
                    Interlocked.Increment(ref malformedSent);
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
                    wait.CancelAfter(TimeSpan.FromMilliseconds(50));
                    try
                    {
                        var n = await s.ReceiveAsync(reply, SocketFlags.None, wait.Token);
                        if (n >= 12 && (reply[2] & 0x80) != 0) Interlocked.Increment(ref malformedAnswered);
                    }
                    catch (OperationCanceledException) when (!bound.IsCancellationRequested) { } // dropped: allowed
                }
            });
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                s.Connect(server.EndPoint);
                var reply = new byte[1500];
                var name = $"c{c}.charge.test";
                var expected = new IPAddress([127, 1, (byte)(c >> 8), (byte)c]);
                for (var q = 0; q < Queries; q++)
                {
                    var id = (ushort)(c * Queries + q);
                    var query = DnsMessage.Query(id, name).ToBytes();
                    var answered = false;
                    // UDP may drop under load: like a resolver, up to 3 sends, each waiting 2 to 4 s (jitter, so 1 000
                    // clients do not all resend at once); a query unanswered after that counts as lost.
                    for (var attempt = 0; attempt < 3 && !answered; attempt++)
                    {
                        if (attempt > 0) Interlocked.Increment(ref retried);
                        await s.SendAsync(query, SocketFlags.None, bound.Token);
                        using var wait = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
                        wait.CancelAfter(TimeSpan.FromMilliseconds(2000 + Random.Shared.Next(2000)));
                        try
                        {
                            while (!answered)
                            {
                                var n = await s.ReceiveAsync(reply, SocketFlags.None, wait.Token);
                                var response = DnsMessage.Parse(reply.AsSpan(0, n));
                                if (response.Id != id) continue; // a late answer to an earlier attempt
                                answered = true;
                                if (response.IsResponse && response.ResponseCode == DnsResponseCode.NoError && response.Questions.Count == 1
                                    && DnsMessage.TrimName(response.Questions[0].Name) == name && response.Answers.Count == 1
                                    && expected.Equals(response.Answers[0].Address))
                                    Interlocked.Increment(ref good);
                                else Interlocked.Increment(ref wrong);
                            }
                        }
                        catch (OperationCanceledException) when (!bound.IsCancellationRequested) { }
                    }
                    if (!answered) Interlocked.Increment(ref lost);
                }
            })));
            var elapsed = watch.Elapsed;
            await junk;
            // Still answering after the load and the junk.
            var after = await DnsClient.QueryAsync(server.EndPoint, "c999.charge.test");
            Assert.Equal(["127.1.3.231"], after.Addresses);
            Report(string.Create(CultureInfo.InvariantCulture,
                $"DNS : {Clients}×{Queries} requêtes en {elapsed.TotalSeconds:0.0} s, bonnes {good}, fausses {wrong}, perdues {lost}, renvoyées {retried} ; mal formées : {malformedSent} envoyées, {malformedAnswered} avec réponse d'erreur, abandonnées {server.Dropped}"));
            Assert.Equal(0, wrong);
            Assert.Equal(0, lost);
            Assert.Equal(Clients * Queries, good);
            Assert.True(malformedAnswered > 0, "aucune réponse d'erreur à une requête mal formée");
        }
        var heapAfter = HeapAfterCollect();
        Report(string.Create(CultureInfo.InvariantCulture, $"DNS : tas géré avant {heapBefore / 1e6:0.0} Mo, après {heapAfter / 1e6:0.0} Mo"));
        Assert.InRange(heapAfter - heapBefore, long.MinValue, 64L << 20);
    }

    [Fact]
    public async Task Http_server_serves_1000_simultaneous_connections_per_round_and_answers_malformed_requests_with_errors()
    {
        const int Rounds = 10;
        var heapBefore = HeapAfterCollect();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        long ok = 0, wrong = 0, errorsAnswered = 0, failed = 0;
        string[] malformed =
        [
            "BONJOUR\r\n\r\n", "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", "\u0001\u0002\u0003\n\n",
            "GET " + new string('a', 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "GET / HTTP/1.1\r\nHost x\r\n\r\n",
        ];
        var watch = Stopwatch.StartNew();
        TinyHttpServer? stopped = null;
        await using (var server = await TinyHttpServer.StartAsync(0, options: new ServerOptions(TimeSpan.FromSeconds(30), MaxClients: 2000, Backlog: 1024), fallbackToFreePort: false))
        {
            stopped = server;
            for (var round = 0; round < Rounds; round++)
            {
                // All 1 000 connected at once, each with half its request sent, before any request is completed.
                var sockets = await ConnectAllAsync(server.EndPoint, Clients, bound.Token);
                var requests = new byte[Clients][];
                for (var c = 0; c < Clients; c++)
                {
                    requests[c] = Encoding.Latin1.GetBytes(c % 50 == 49
                        ? malformed[(c / 50 + round) % malformed.Length]
                        : $"GET /echo?{LoadMessage.Text(c, round).Replace(' ', '&')} HTTP/1.1\r\nHost: charge\r\n\r\n");
                    await sockets[c].SendAsync(requests[c].AsMemory(0, 4), SocketFlags.None, bound.Token);
                }
                await Task.WhenAll(sockets.Select((socket, c) => Task.Run(async () =>
                {
                    try
                    {
                        await socket.SendAsync(requests[c].AsMemory(4), SocketFlags.None, bound.Token);
                        var response = new MemoryStream();
                        var buffer = new byte[8192];
                        int n;
                        while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, bound.Token)) > 0) response.Write(buffer, 0, n);
                        var text = Encoding.UTF8.GetString(response.ToArray());
                        if (c % 50 == 49)
                        {
                            if (text.StartsWith("HTTP/1.1 4", StringComparison.Ordinal)) Interlocked.Increment(ref errorsAnswered);
                            else Interlocked.Increment(ref wrong);
                        }
                        else
                        {
                            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("GET /echo?", StringComparison.Ordinal))?.TrimEnd('\r');
                            var query = line?.Split(' ')[1]["/echo?".Length..].Replace('&', ' ');
                            if (text.StartsWith("HTTP/1.1 200 OK", StringComparison.Ordinal) && query is not null
                                && LoadMessage.ParseText(query) == (c, round)) Interlocked.Increment(ref ok);
                            else Interlocked.Increment(ref wrong);
                        }
                    }
                    catch (Exception e) when (e is SocketException or IOException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    finally { socket.Dispose(); }
                })));
            }
            var elapsed = watch.Elapsed;
            // A client that sends half a head and vanishes, and one that stays silent: neither disturbs a later request.
            using (var vanish = await ConnectAsync(server.EndPoint, bound.Token))
            {
                await vanish.SendAsync("GET /echo HT"u8.ToArray(), SocketFlags.None, bound.Token);
                vanish.LingerState = new LingerOption(true, 0);
            }
            using var silent = await ConnectAsync(server.EndPoint, bound.Token);
            var after = await RawHttp.SendAsync(server.EndPoint, RawHttp.Get("/", "charge"), TimeSpan.FromSeconds(10), bound.Token);
            Assert.Equal(200, after.StatusCode);
            var statuses = string.Join(", ", server.Statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
            Report(string.Create(CultureInfo.InvariantCulture,
                $"HTTP : {Rounds} tours de {Clients} connexions simultanées en {elapsed.TotalSeconds:0.0} s, bonnes {ok}, fausses {wrong}, échecs {failed}, erreurs 4xx aux requêtes mal formées {errorsAnswered} ; statuts {statuses}"));
            Assert.Equal(0, failed);
            Assert.Equal(0, wrong);
            Assert.Equal(Rounds * Clients * 49 / 50, ok);
            Assert.Equal(Rounds * Clients / 50, errorsAnswered);
        }
        // The server's own tally, final once it is stopped: every good request and the one after the troublemakers.
        Assert.Equal(Rounds * Clients * 49 / 50 + 1, stopped.Statuses[200]);
        var heapAfter = HeapAfterCollect();
        Report(string.Create(CultureInfo.InvariantCulture, $"HTTP : tas géré avant {heapBefore / 1e6:0.0} Mo, après {heapAfter / 1e6:0.0} Mo"));
        Assert.InRange(heapAfter - heapBefore, long.MinValue, 64L << 20);
    }

    [Theory]
    [InlineData(Clients, 10, 100)] // a crowd listening to a few speakers
    [InlineData(100, 100, 20)] // everyone speaking at once
    public async Task Chat_delivers_every_speakers_checked_lines_to_every_member_in_order(int members, int speakers, int lines)
    {
        var heapBefore = HeapAfterCollect();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var watch = Stopwatch.StartNew();
        await using (var server = await ChatServer.StartAsync(0, options: new ServerOptions(TimeSpan.FromSeconds(60), MaxClients: 2000, Backlog: 1024), fallbackToFreePort: false))
        {
            var crowd = new LineClient[members];
            try
            {
                using (var gate = new SemaphoreSlim(100))
                {
                    await Task.WhenAll(Enumerable.Range(0, members).Select(async i =>
                    {
                        await gate.WaitAsync(bound.Token);
                        try
                        {
                            crowd[i] = await LineClient.ConnectAsync(server.EndPoint, TimeSpan.FromSeconds(60), bound.Token);
                            Assert.StartsWith("Bienvenue", await crowd[i].ReadLineAsync(TimeSpan.FromSeconds(60), bound.Token));
                        }
                        finally { gate.Release(); }
                    }));
                }
                // Each member reads until it has every other speaker's lines (other lines, joins and leaves, are skipped).
                var readers = crowd.Select((member, me) => Task.Run(async () =>
                {
                    var next = new int[speakers];
                    var expected = me < speakers ? (speakers - 1) * lines : speakers * lines;
                    int seen = 0, bad = 0;
                    while (seen < expected)
                    {
                        var line = await member.ReadLineAsync(TimeSpan.FromSeconds(60), bound.Token) ?? throw new IOException("fermé");
                        var at = line.IndexOf("c=", StringComparison.Ordinal);
                        if (!line.StartsWith('[') || at < 0) continue;
                        var parsed = LoadMessage.ParseText(line[at..]);
                        if (parsed is not var (from, n) || from == me || from >= speakers || n != next[from]) bad++;
                        else next[from]++;
                        seen++;
                    }
                    return bad;
                })).ToArray();
                var ready = watch.Elapsed;
                await Task.WhenAll(Enumerable.Range(0, speakers).Select(s => Task.Run(async () =>
                {
                    for (var n = 0; n < lines; n++) await crowd[s].SendLineAsync(LoadMessage.Text(s, n), bound.Token);
                })));
                var bad = await Task.WhenAll(readers);
                Report(string.Create(CultureInfo.InvariantCulture,
                    $"discussion : {members} membres connectés en {ready.TotalSeconds:0.0} s, {speakers}×{lines} lignes remises à tous en {(watch.Elapsed - ready).TotalSeconds:0.0} s, relayées {server.LinesRelayed}, abandons {server.Stats.Dropped}"));
                Assert.All(bad, b => Assert.Equal(0, b));
                Assert.Equal(0, server.Stats.Dropped);
            }
            finally
            {
                foreach (var m in crowd) if (m is not null) await m.DisposeAsync();
            }
        }
        var heapAfter = HeapAfterCollect();
        Report(string.Create(CultureInfo.InvariantCulture, $"discussion : tas géré avant {heapBefore / 1e6:0.0} Mo, après {heapAfter / 1e6:0.0} Mo"));
        Assert.InRange(heapAfter - heapBefore, long.MinValue, 64L << 20);
    }
}
