using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Classroom;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Classroom;

/// <summary>The class's chat server on the loopback: the lesson's protocol, and each bound that protects a room.</summary>
[Collection(SerialCollection.Name)]
public class ClassroomServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static async Task<string> ReadUntilAsync(StreamReader reader, string contains)
    {
        using var bound = new CancellationTokenSource(Wait);
        while (true)
        {
            var line = await reader.ReadLineAsync(bound.Token) ?? throw new IOException($"fermé avant « {contains} »");
            if (line.Contains(contains, StringComparison.Ordinal)) return line;
        }
    }

    private static async Task<(TcpClient Tcp, StreamReader Reader, Stream Stream)> RawAsync(IPEndPoint server, string? name)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address, server.Port).WaitAsync(Wait);
        var stream = tcp.GetStream();
        var reader = new StreamReader(stream, Encoding.UTF8);
        if (name is not null)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(name + "\n"));
            await ReadUntilAsync(reader, "Bienvenue");
        }
        return (tcp, reader, stream);
    }

    [Fact]
    public async Task The_first_line_is_the_name_and_every_later_line_reaches_every_other_student()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0);
        await using var bob = await ClassroomClient.JoinAsync(server.EndPoint, "bob", Wait);
        await using var carole = await ClassroomClient.JoinAsync(server.EndPoint, "carole", Wait);
        var (tcp, reader, stream) = await RawAsync(server.EndPoint, "alice");
        using var _ = tcp;
        await stream.WriteAsync("bonjour la classe\n"u8.ToArray());
        Assert.True(await bob.WaitForAsync(m => m is { From: "alice", Text: "bonjour la classe" }, Wait));
        Assert.True(await carole.WaitForAsync(m => m is { From: "alice", Text: "bonjour la classe" }, Wait));
        await bob.SendAsync("salut alice");
        Assert.Equal("bob : salut alice", await ReadUntilAsync(reader, "salut"));
        // The sender does not get its own line back: carole saw bob's line, alice's next line is carole's.
        await carole.SendAsync("et moi");
        Assert.Equal("carole : et moi", await ReadUntilAsync(reader, " : "));
        Assert.DoesNotContain(bob.Received, m => m.From == "bob");
        Assert.Equal(3, server.StudentsSeen);
        Assert.Equal(3, server.Messages);
    }

    [Fact]
    public async Task The_lessons_python_client_takes_part()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0);
        await using var bob = await ClassroomClient.JoinAsync(server.EndPoint, "bob", Wait);
        var script = $$"""
            import socket
            connexion_avec_serveur = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            connexion_avec_serveur.settimeout(5)
            connexion_avec_serveur.connect(("localhost", {{server.EndPoint.Port}}))
            connexion_avec_serveur.send("Zoé\n".encode())
            recu = b""
            while b"Bienvenue" not in recu:
                recu += connexion_avec_serveur.recv(1024)
            connexion_avec_serveur.send("ça marche depuis Python\n".encode())
            recu = b""
            while b"bob : " not in recu:
                recu += connexion_avec_serveur.recv(1024)
            print(recu.decode().strip())
            connexion_avec_serveur.close()
            """;
        var python = ProcessRun.RunAsync("/usr/bin/python3", ["-c", script], timeout: TimeSpan.FromSeconds(15));
        Assert.True(await bob.WaitForAsync(m => m is { From: "Zoé", Text: "ça marche depuis Python" }, Wait));
        await bob.SendAsync("bien reçu Zoé");
        var run = await python;
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("bob : bien reçu Zoé", run.Output);
    }

    [Fact]
    public async Task A_2_MB_line_is_cut_to_1_KiB_and_the_sender_stays_connected()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0);
        await using var bob = await ClassroomClient.JoinAsync(server.EndPoint, "bob", Wait);
        var (tcp, reader, stream) = await RawAsync(server.EndPoint, "bavard");
        using var _ = tcp;
        var huge = Encoding.UTF8.GetBytes(new string('é', 1024 * 1024) + "\n"); // 2 MB of two-byte characters
        await stream.WriteAsync(huge);
        await ReadUntilAsync(reader, "coupée à 1024 octets");
        Assert.True(await bob.WaitForAsync(m => m.From == "bavard", Wait));
        var cut = bob.Received.Single(m => m.From == "bavard");
        Assert.EndsWith(" […]", cut.Text);
        Assert.Equal(512, cut.Text.Count(c => c == 'é')); // 1 024 bytes of two-byte characters, none split
        await stream.WriteAsync("toujours là\n"u8.ToArray());
        Assert.True(await bob.WaitForAsync(m => m is { From: "bavard", Text: "toujours là" }, Wait));
        Assert.Equal(1, server.Snapshot().LinesCut);
    }

    [Fact]
    public async Task A_flood_is_ignored_then_disconnected_and_the_others_still_talk()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0);
        await using var bob = await ClassroomClient.JoinAsync(server.EndPoint, "bob", Wait);
        await using var carole = await ClassroomClient.JoinAsync(server.EndPoint, "carole", Wait);
        var (tcp, reader, stream) = await RawAsync(server.EndPoint, "inondeur");
        using var _ = tcp;
        var flood = new StringBuilder();
        for (var i = 0; i < 3000; i++) flood.Append("ligne ").Append(i).Append('\n');
        try { await stream.WriteAsync(Encoding.UTF8.GetBytes(flood.ToString())).AsTask().WaitAsync(Wait); }
        catch (IOException) { } // the server may close while the flood is still being written
        await ReadUntilAsync(reader, "déconnexion");
        var watch = Stopwatch.StartNew();
        await carole.SendAsync("on continue");
        Assert.True(await bob.WaitForAsync(m => m is { From: "carole", Text: "on continue" }, Wait));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"carole's line took {watch.Elapsed}");
        var snapshot = server.Snapshot();
        var relayed = bob.Received.Count(m => m.From == "inondeur");
        Assert.InRange(relayed, ClassroomOptions.Default.Burst, ClassroomOptions.Default.Burst + 10);
        Assert.Equal(1, snapshot.FloodersCut);
        Assert.DoesNotContain(snapshot.Students, s => s.Name == "inondeur");
    }

    [Fact]
    public async Task A_connection_that_never_gives_a_name_is_closed()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0, options: new ClassroomOptions(NameTimeout: TimeSpan.FromMilliseconds(500)));
        var (tcp, reader, _) = await RawAsync(server.EndPoint, null);
        using var __ = tcp;
        await ReadUntilAsync(reader, "tapez votre nom");
        using var bound = new CancellationTokenSource(Wait);
        Assert.Null(await reader.ReadLineAsync(bound.Token));
        Assert.Equal(1, server.Snapshot().TimedOut);
        Assert.Equal(0, server.StudentsSeen);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_turned_away()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0, options: new ClassroomOptions(MaxStudents: 2));
        await using var a = await ClassroomClient.JoinAsync(server.EndPoint, "a", Wait);
        await using var b = await ClassroomClient.JoinAsync(server.EndPoint, "b", Wait);
        await Assert.ThrowsAnyAsync<Exception>(() => ClassroomClient.JoinAsync(server.EndPoint, "c", TimeSpan.FromSeconds(2)));
        Assert.Equal(1, server.Snapshot().Rejected);
    }

    [Fact]
    public async Task Control_characters_never_reach_the_others_and_names_are_unique()
    {
        await using var server = await ClassroomServer.StartAsync(port: 0);
        await using var bob = await ClassroomClient.JoinAsync(server.EndPoint, "bob", Wait);
        await using var twin = await ClassroomClient.JoinAsync(server.EndPoint, "BOB", Wait);
        Assert.Equal("BOB (2)", twin.Name);
        await twin.SendAsync("\u001b[2Jeffacé\u0007\u202e");
        Assert.True(await bob.WaitForAsync(m => m.From == "BOB (2)", Wait));
        Assert.Equal("[2Jeffacé", bob.Received.Single(m => m.From == "BOB (2)").Text);
    }
}
