using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Addressing;
using NetCourse.Course;

namespace NetCourse.Tests.Course;

/// <summary>The code exercises reject code that skips a step, and say which step.</summary>
public class CodeExerciseTests
{
    private static ExerciseEngine NewEngine() =>
        new(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-progress-{Guid.NewGuid():N}.json")));

    [Fact]
    public async Task The_client_template_is_not_a_try()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch2.client", async (string hote, int port) => { await Task.Yield(); return "???"; });
        Assert.Equal(VerdictState.NotAnswered, verdict.State);
    }

    [Fact]
    public async Task A_client_that_does_not_connect_misses_step_1()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch2.client", async (string hote, int port) => { await Task.Yield(); return "reçu : bonjour"; });
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("Étape 1", verdict.Feedback);
    }

    [Fact]
    public async Task A_client_that_sends_no_line_misses_the_exchange()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch2.client", async (string hote, int port) =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(hote, port);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("pas de fin de ligne"));
            using var reader = new StreamReader(client.GetStream());
            return await reader.ReadLineAsync() ?? "";
        });
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("aucune ligne complète", verdict.Feedback);
        Assert.Contains(verdict.Wire, line => line.Contains("muet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_does_not_read_the_answer_misses_the_receive()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch2.client", async (string hote, int port) =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(hote, port);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("bonjour\n"));
            await Task.Delay(200);
            return "";
        });
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("recevoir", verdict.Feedback);
    }

    [Fact]
    public async Task A_client_that_guesses_the_answer_instead_of_reading_it_is_rejected()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch2.client", async (string hote, int port) =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(hote, port);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("bonjour serveur\n"));
            return "reçu : bonjour serveur"; // the server's usual answer, guessed, never read
        });
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("recevoir", verdict.Feedback);
        Assert.Contains("ticket", verdict.Feedback);
    }

    [Fact]
    public async Task A_client_that_does_not_close_misses_step_3()
    {
        var kept = new List<TcpClient>();
        try
        {
            var verdict = await NewEngine().CheckCodeAsync("ch2.client", async (string hote, int port) =>
            {
                var client = new TcpClient(); // no using: never closed
                kept.Add(client);
                await client.ConnectAsync(hote, port);
                await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("bonjour\n"));
                return await new StreamReader(client.GetStream()).ReadLineAsync() ?? "";
            });
            Assert.Equal(VerdictState.Wrong, verdict.State);
            Assert.Contains("Étape 3", verdict.Feedback);
            Assert.Contains(verdict.Wire, line => line.Contains("n'a pas fermé", StringComparison.Ordinal));
        }
        finally
        {
            kept.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_complete_client_passes_and_the_wire_shows_its_message()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch2.client", async (string hote, int port) =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(hote, port);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("salut\n"));
            using var reader = new StreamReader(client.GetStream());
            return await reader.ReadLineAsync() ?? "";
        });
        Assert.True(verdict.Passed, verdict.ToString());
        Assert.Contains(verdict.Wire, line => line.Contains("reçu « salut »", StringComparison.Ordinal));
        Assert.Contains(verdict.Wire, line => line.Contains("le client a fermé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lookup_that_sends_nothing_or_guesses_is_rejected()
    {
        var engine = NewEngine();
        var guessed = await engine.CheckCodeAsync("ch3.recherche-dns", async (IPEndPoint serveur, string nom) => { await Task.Yield(); return "127.0.0.30"; });
        Assert.Equal(VerdictState.Wrong, guessed.State);
        Assert.Contains("aucune question", guessed.Feedback);

        var otherName = await engine.CheckCodeAsync("ch3.recherche-dns", async (IPEndPoint serveur, string nom) =>
            (await DnsClient.QueryAsync(serveur, "chat.netcourse.test", DnsRecordType.A, TimeSpan.FromSeconds(2))).Addresses is [var first, ..] ? first : "");
        Assert.Equal(VerdictState.Wrong, otherName.State);
        Assert.Contains("pas pour", otherName.Feedback);

        var unread = await engine.CheckCodeAsync("ch3.recherche-dns", async (IPEndPoint serveur, string nom) =>
        {
            using var udp = new UdpClient();
            await udp.SendAsync(DnsMessage.Query(7, nom).ToBytes(), serveur);
            return "127.0.0.1";
        });
        Assert.Equal(VerdictState.Wrong, unread.State);
        Assert.Contains("le serveur a répondu", unread.Feedback, StringComparison.OrdinalIgnoreCase);
        Assert.True(unread.Tries >= 3 && unread.Solution is not null);
    }

    [Fact]
    public async Task Code_that_hangs_is_cut_off_in_bounded_time()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var verdict = await NewEngine().CheckCodeAsync("ch3.recherche-dns", async (IPEndPoint serveur, string nom) =>
        {
            using var udp = new UdpClient();
            await udp.SendAsync(DnsMessage.Query(7, "inconnu.invalid").ToBytes(), serveur); // REFUSED, then waits again
            await udp.ReceiveAsync();
            await udp.ReceiveAsync(); // never comes
            return "";
        });
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 20);
    }
}
