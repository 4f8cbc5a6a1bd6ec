using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Tests.Sockets;

/// <summary>
/// `netcourse serve echo|chat|http` started as real processes, answered by clients nobody here wrote: the source's
/// Python client, netcat (netcat-openbsd) and curl. Every client is bounded (-w/-q, --max-time, settimeout).
/// </summary>
public class ServeCliTests
{
    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_sources_python_client_talks_to_serve_echo()
    {
        await using var server = await CliServer.StartAsync("echo");
        var script = $$"""
            import socket
            hote = "localhost"
            port = {{P(server.Port)}}
            connexion_avec_serveur = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            connexion_avec_serveur.settimeout(5)
            connexion_avec_serveur.connect((hote, port))
            print("Connexion établie avec le serveur sur le port {}".format(port))
            connexion_avec_serveur.send(b"Bonjour serveur")
            print(connexion_avec_serveur.recv(1024).decode())
            connexion_avec_serveur.close()
            """;
        var run = await ProcessRun.RunAsync("/usr/bin/python3", ["-c", script]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Connexion établie avec le serveur sur le port {server.Port}", run.Output);
        Assert.Contains("Bonjour serveur", run.Output);
    }

    [Fact]
    public async Task Netcat_gets_its_lines_echoed_and_ctrl_c_stops_the_server_cleanly()
    {
        // A 300 s idle timeout and a client that stays connected: if Ctrl-C waited for clients, the server would not
        // stop within the bound below. The bound itself only ends a hung test; it is not what is measured.
        var server = await CliServer.StartAsync("echo", "--idle-timeout", "300");
        var run = await ProcessRun.RunAsync("nc", ["-q", "1", "-w", "5", "127.0.0.1", P(server.Port)], "salut\nça va ?\n");
        Assert.Equal("salut\nça va ?\n", run.Output);
        using var staying = new TcpClient();
        await staying.ConnectAsync(IPAddress.Loopback, server.Port);
        var stayingRead = staying.GetStream().ReadAsync(new byte[16]).AsTask();

        var (exit, output) = await server.InterruptAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(0, exit);
        Assert.Contains("Arrêt du serveur echo", output);
        Assert.Equal(0, await stayingRead.WaitAsync(TimeSpan.FromSeconds(30))); // closed by the server, not left open
        await server.DisposeAsync();
        using var probe = new TcpListener(IPAddress.Loopback, server.Port);
        probe.Start(); // the port is free again
    }

    [Fact]
    public async Task Two_netcat_clients_chat()
    {
        await using var server = await CliServer.StartAsync("chat");
        var listener = Process.Start(new ProcessStartInfo("nc", ["-w", "10", "127.0.0.1", P(server.Port)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            Assert.Contains("Bienvenue", await listener.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            var talker = await ProcessRun.RunAsync("nc", ["-q", "1", "-w", "5", "127.0.0.1", P(server.Port)], "/nom bob\nbonjour depuis nc\n");
            Assert.Contains("Bienvenue", talker.Output);
            var seen = new List<string>();
            while (!seen.Any(l => l == "[bob] bonjour depuis nc"))
                seen.Add(await listener.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new IOException(string.Join("|", seen)));
        }
        finally
        {
            listener.StandardInput.Close();
            if (!listener.WaitForExit(5000)) listener.Kill();
            listener.Dispose();
        }
    }

    [Fact]
    public async Task Curl_gets_pages_and_statuses_from_serve_http()
    {
        await using var server = await CliServer.StartAsync("http");
        var url = $"http://127.0.0.1:{server.Port}";
        var home = await ProcessRun.RunAsync("curl", ["-s", "-i", "--max-time", "5", url + "/"]);
        Assert.Equal(0, home.ExitCode);
        Assert.StartsWith("HTTP/1.1 200 OK", home.Output);
        Assert.Contains("Bonjour !", home.Output);
        var missing = await ProcessRun.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", url + "/absente"]);
        Assert.Equal("404", missing.Output);
        var post = await ProcessRun.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", "-X", "POST", "-d", "x=1", url + "/"]);
        Assert.Equal("405", post.Output);
        var malformed = await ProcessRun.RunAsync("nc", ["-q", "2", "-w", "5", "127.0.0.1", P(server.Port)], "n'importe quoi\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400 Bad Request", malformed.Output);
    }

    [Fact]
    public async Task A_silent_or_vanishing_client_does_not_hang_the_server()
    {
        await using var server = await CliServer.StartAsync("echo", "--idle-timeout", "1");
        // Silent: connects, sends nothing; the server hangs up after 1 s.
        var silent = await ProcessRun.RunAsync("/usr/bin/python3", ["-c",
            $"import socket,time\ns=socket.create_connection(('127.0.0.1',{P(server.Port)}),5)\ns.settimeout(5)\nt=time.time()\nprint(len(s.recv(10)), round(time.time()-t,1))"]);
        Assert.StartsWith("0 ", silent.Output);
        // Vanishing: sends half a message and resets the connection.
        await ProcessRun.RunAsync("/usr/bin/python3", ["-c",
            $"import socket,struct\ns=socket.create_connection(('127.0.0.1',{P(server.Port)}),5)\ns.send(b'x'*50000)\ns.setsockopt(socket.SOL_SOCKET,socket.SO_LINGER,struct.pack('ii',1,0))\ns.close()"]);
        var after = await ProcessRun.RunAsync("nc", ["-q", "1", "-w", "5", "127.0.0.1", P(server.Port)], "toujours là\n");
        Assert.Equal("toujours là\n", after.Output);
    }

    [Fact]
    public async Task A_taken_port_gives_one_french_line_and_exit_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var run = await ProcessRun.RunAsync("dotnet", [CliServer.CliDll, "serve", "echo", "--port", P(port)], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("déjà utilisé", line);
    }

    [Theory]
    [InlineData("--host", "0.0.0.0", "refusée")]
    [InlineData("--port", "70000", "invalide")]
    [InlineData("--port", "douze", "invalide")]
    [InlineData("--max-clients", "beaucoup", "--max-clients")]
    [InlineData("--idle-timeout", "0", "--idle-timeout")]
    public async Task Bad_input_gives_one_french_line_and_exit_1(string option, string value, string expected)
    {
        var run = await ProcessRun.RunAsync("dotnet", [CliServer.CliDll, "serve", "http", .. (option == "--port" ? Array.Empty<string>() : ["--port", "0"]), option, value], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
    }
}
