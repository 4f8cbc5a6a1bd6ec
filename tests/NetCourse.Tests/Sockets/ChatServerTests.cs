using System.Net.Sockets;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

[Collection(SerialCollection.Name)]
public class ChatServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static async Task<string> ReadUntil(LineClient client, string contains)
    {
        while (true)
        {
            var line = await client.ReadLineAsync(Wait) ?? throw new IOException("fermé");
            if (line.Contains(contains, StringComparison.Ordinal)) return line;
        }
    }

    [Fact]
    public async Task A_line_reaches_every_other_client_and_not_its_sender()
    {
        await using var server = await ChatServer.StartAsync(0);
        await using var alice = await LineClient.ConnectAsync(server.EndPoint);
        await ReadUntil(alice, "Bienvenue");
        await using var bob = await LineClient.ConnectAsync(server.EndPoint);
        await ReadUntil(bob, "Bienvenue");
        await using var carol = await LineClient.ConnectAsync(server.EndPoint);
        await ReadUntil(carol, "Bienvenue");

        await alice.SendLineAsync("/nom alice");
        await ReadUntil(alice, "vous êtes maintenant alice");
        await alice.SendLineAsync("bonjour à tous");
        Assert.Equal("[alice] bonjour à tous", await ReadUntil(bob, "bonjour"));
        Assert.Equal("[alice] bonjour à tous", await ReadUntil(carol, "bonjour"));
        await bob.SendLineAsync("/qui");
        Assert.Contains("alice", await ReadUntil(bob, "connectés"));
        // alice did not get her own line: the next thing she reads is bob's message.
        await bob.SendLineAsync("salut");
        Assert.Equal("[client2] salut", await ReadUntil(alice, "["));
    }

    [Fact]
    public async Task A_too_long_line_disconnects_only_its_sender()
    {
        await using var server = await ChatServer.StartAsync(0, options: ServerOptions.Default with { MaxMessageBytes = 100 });
        await using var loud = await LineClient.ConnectAsync(server.EndPoint);
        await using var other = await LineClient.ConnectAsync(server.EndPoint);
        await ReadUntil(other, "Bienvenue");
        await loud.SendLineAsync(new string('x', 500));
        await ReadUntil(loud, "trop longue");
        Assert.Null(await loud.ReadLineAsync(Wait));
        await ReadUntil(other, "a quitté");
        await using var third = await LineClient.ConnectAsync(server.EndPoint);
        await third.SendLineAsync("encore là");
        await ReadUntil(other, "encore là");
    }

    [Fact]
    public async Task A_silent_client_times_out()
    {
        await using var server = await ChatServer.StartAsync(0, options: ServerOptions.Default with { IdleTimeout = TimeSpan.FromMilliseconds(400) });
        await using var silent = await LineClient.ConnectAsync(server.EndPoint);
        await ReadUntil(silent, "Bienvenue");
        string? line;
        do line = await silent.ReadLineAsync(Wait); while (line is not null);
        await EchoServerTests.WaitUntil(() => server.Stats.TimedOut == 1);
    }

    [Fact]
    public async Task A_client_that_vanishes_mid_line_is_announced_to_the_others()
    {
        await using var server = await ChatServer.StartAsync(0);
        await using var watcher = await LineClient.ConnectAsync(server.EndPoint, Wait);
        await ReadUntil(watcher, "Bienvenue"); // the watcher is a member before the other one arrives
        var vanishing = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await vanishing.ConnectAsync(server.EndPoint);
        await ReadUntil(watcher, "a rejoint");
        vanishing.Send("moitié d'une ligne sans fin"u8);
        vanishing.LingerState = new LingerOption(true, 0);
        vanishing.Dispose();
        await ReadUntil(watcher, "a quitté");
    }
}
