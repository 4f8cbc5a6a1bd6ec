using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Platform;

namespace NetCourse.Sockets;

/// <summary>
/// Checks an upper-casing echo server written by a student: the check binds and listens (12800, or a free port when it
/// is taken), hands the listening socket to the student's code, then real clients talk to it — a C# client, the
/// source's Python client (python3), and a client that sends two messages on one connection — and each says what
/// happened on the wire. Everything is bounded; the student's server is stopped when the check ends or is disposed.
/// </summary>
public sealed class EchoServerCheck : IAsyncDisposable
{
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(1.5);
    private readonly ServerBinding _binding;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _server;
    private int _stopped;

    private EchoServerCheck(ServerBinding binding, Func<Socket, CancellationToken, Task> studentServer)
    {
        _binding = binding;
        // Task.Run: a student's server that blocks (synchronous Accept, endless loop) must not block the notebook.
        _server = Task.Run(() => studentServer(binding.Socket, _stop.Token));
    }

    /// <summary>The port the student's server listens on.</summary>
    public int Port => _binding.Port;

    /// <summary>Where the server listens, in French (and why when it is not the port asked for).</summary>
    public string Notice => _binding.Notice;

    /// <summary>
    /// Binds 127.0.0.1:<paramref name="port"/> (a free port when it is taken), listens with a backlog of 5, and starts
    /// <paramref name="studentServer"/> with the listening socket and a token cancelled when the check stops.
    /// </summary>
    public static EchoServerCheck Start(Func<Socket, CancellationToken, Task> studentServer, int port = 12800)
    {
        ArgumentNullException.ThrowIfNull(studentServer);
        return new EchoServerCheck(ServerBinding.ListenTcp(port, backlog: 5), studentServer);
    }

    /// <summary>Starts the student's server, runs every client against it, stops it; the report says what each client saw.</summary>
    public static async Task<EchoServerCheckReport> CheckAsync(Func<Socket, CancellationToken, Task> studentServer, int port = 12800)
    {
        await using var check = Start(studentServer, port);
        return await check.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Runs the clients one after the other (at most about 10 s in all), then stops the server.</summary>
    public async Task<EchoServerCheckReport> RunAsync()
    {
        var endPoint = _binding.EndPoint;
        var trials = new List<EchoTrial>
        {
            await TalkAsync("client C#", endPoint, ["Bonjour, réseau !"]).ConfigureAwait(false),
            await Task.Run(() => PythonClient(endPoint.Port)).ConfigureAwait(false),
            await TalkAsync("client C# à deux messages", endPoint, ["un", "deux"]).ConfigureAwait(false),
        };
        var problem = ServerFault();
        await StopAsync().ConfigureAwait(false);
        return new EchoServerCheckReport(Notice, trials, problem ?? (_server.IsCompleted ? null
            : "Remarque : votre serveur ne s'est pas arrêté quand on le lui a demandé (le jeton d'arrêt et la fermeture du socket d'écoute ont été ignorés) ; il est abandonné."));
    }

    private string? ServerFault()
    {
        if (!_server.IsFaulted) return null;
        var e = _server.Exception!.GetBaseException();
        return $"Votre serveur s'est arrêté pendant l'essai sur une exception : {e.GetType().Name} — {e.Message}";
    }

    /// <summary>A C# client: connect, send each message and read its answer, then close its side and wait for the server's FIN.</summary>
    internal static async Task<EchoTrial> TalkAsync(string name, IPEndPoint endPoint, IReadOnlyList<string> messages)
    {
        var expected = messages.Select(m => m.ToUpperInvariant()).ToArray();
        var received = new List<string?>();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (var connect = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await socket.ConnectAsync(endPoint, connect.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                var why = e is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                    ? "connexion refusée (le noyau Linux a répondu RST au SYN) : plus rien n'écoute sur ce port — votre serveur a-t-il fermé le socket d'écoute ?"
                    : $"connexion impossible en 2 s ({e.Message}).";
                return new EchoTrial(name, messages, expected, received, false, why);
            }
        }
        var wire = new StringBuilder();
        for (var i = 0; i < messages.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(messages[i]);
            try
            {
                await socket.SendAsync(bytes).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                received.Add(null);
                return Fail($"l'envoi de « {messages[i]} » a échoué ({e.SocketErrorCode}) : votre serveur avait déjà coupé la connexion.");
            }
            var (answer, end) = await ReadAnswerAsync(socket, Encoding.UTF8.GetByteCount(expected[i])).ConfigureAwait(false);
            var text = answer.Length > 0 ? Encoding.UTF8.GetString(answer) : null;
            received.Add(text);
            var said = $"a envoyé « {messages[i]} » ({bytes.Length} octets)";
            if (text == expected[i])
            {
                wire.Append(CultureInfo.InvariantCulture, $"{said}, a reçu « {text} » ({answer.Length} octets). ");
                continue;
            }
            if (text is not null)
                return Fail($"{said} ; votre serveur a répondu « {text} » ({answer.Length} octets) au lieu de « {expected[i]} »{Ending(end)}.");
            return Fail(end switch
            {
                ReadEnd.Closed => $"{said} ; votre serveur a fermé la connexion (FIN) sans rien répondre"
                                  + (i > 0 ? " : il ne lit qu'un message par client, il faut lire jusqu'à recevoir 0 octet." : "."),
                ReadEnd.Reset => $"{said} ; la connexion a été coupée par un RST sans réponse (votre serveur a fermé son socket sans lire ce message).",
                _ => $"{said} ; aucune réponse en {AnswerWait.TotalSeconds:0.#} s. La connexion était établie (c'est le noyau Linux qui fait la poignée de main), "
                     + "mais rien n'est revenu : votre serveur a-t-il appelé AcceptAsync pour ce client, puis ReceiveAsync et SendAsync ?",
            });
        }
        // The client closes its side (FIN); a correct server reads 0 bytes and closes too.
        socket.Shutdown(SocketShutdown.Send);
        var (extra, last) = await ReadAnswerAsync(socket, int.MaxValue).ConfigureAwait(false);
        if (last != ReadEnd.Closed && last != ReadEnd.Reset)
            return Fail(wire + $"Puis le client a fermé sa moitié (FIN) ; votre serveur n'a pas fermé la sienne en {AnswerWait.TotalSeconds:0.#} s : quand ReceiveAsync rend 0 octet, le client a fini, fermez le socket du client.");
        if (extra.Length > 0)
            return Fail(wire + $"Puis votre serveur a encore envoyé « {Encoding.UTF8.GetString(extra)} » en trop.");
        return new EchoTrial(name, messages, expected, received, true, wire + "Puis le client a fermé (FIN) et votre serveur aussi (FIN).");

        EchoTrial Fail(string why)
        {
            while (received.Count < messages.Count) received.Add(null);
            return new EchoTrial(name, messages, expected, received, false, why);
        }
    }

    private static string Ending(ReadEnd end) => end switch
    {
        ReadEnd.Closed => ", puis a fermé la connexion (FIN)",
        ReadEnd.Reset => ", puis a coupé la connexion (RST)",
        _ => "",
    };

    private enum ReadEnd { Complete, Closed, Reset, Silent }

    /// <summary>Reads until <paramref name="wanted"/> bytes came, the peer closed (FIN), reset (RST), or stayed silent for <see cref="AnswerWait"/>.</summary>
    private static async Task<(byte[] Bytes, ReadEnd End)> ReadAnswerAsync(Socket socket, int wanted)
    {
        var data = new List<byte>();
        var buffer = new byte[4096];
        while (data.Count < wanted)
        {
            using var silence = new CancellationTokenSource(AnswerWait);
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer, SocketFlags.None, silence.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ([.. data], ReadEnd.Silent);
            }
            catch (SocketException)
            {
                return ([.. data], ReadEnd.Reset);
            }
            if (n == 0) return ([.. data], ReadEnd.Closed);
            data.AddRange(buffer.AsSpan(0, n));
        }
        return ([.. data], ReadEnd.Complete);
    }

    /// <summary>The source's Python client (connect to the port, then one send and one recv), run by python3.</summary>
    internal static EchoTrial PythonClient(int port)
    {
        const string Message = "Bonjour depuis Python";
        var expected = Message.ToUpperInvariant();
        var script = $"""
            import socket
            hote = "localhost"
            port = {port}
            connexion_avec_serveur = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            connexion_avec_serveur.settimeout(2)
            connexion_avec_serveur.connect((hote, port))
            print("Connexion établie avec le serveur sur le port {port}".encode().hex())
            connexion_avec_serveur.send("{Message}".encode())
            try:
                print(connexion_avec_serveur.recv(1024).hex())
            except socket.timeout:
                print("silence")
            connexion_avec_serveur.close()
            """;
        const string Name = "client Python de la source";
        var run = ExternalCommand.Run("python3", ["-c", script], TimeSpan.FromSeconds(20));
        if (run.ExitCode == -1 && run.Error.Contains("introuvable", StringComparison.Ordinal))
            return new EchoTrial(Name, [Message], [expected], [null], false, "python3 est introuvable sur cette machine : ce client n'a pas pu essayer votre serveur.");
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (run.ExitCode != 0 || lines.Length < 2)
            return new EchoTrial(Name, [Message], [expected], [null], false,
                $"le client Python a échoué : {LastLine(run.Error)}");
        var said = $"a envoyé « {Message} » ({Message.Length} octets)";
        if (lines[1] == "silence")
            return new EchoTrial(Name, [Message], [expected], [null], false, $"{said} ; recv n'a rien reçu en 2 s : votre serveur n'a pas répondu à ce client.");
        var answer = Encoding.UTF8.GetString(Convert.FromHexString(lines[1]));
        if (answer.Length == 0)
            return new EchoTrial(Name, [Message], [expected], [null], false, $"{said} ; recv a rendu 0 octet : votre serveur a fermé la connexion (FIN) sans répondre.");
        return answer == expected
            ? new EchoTrial(Name, [Message], [expected], [answer], true, $"{said}, recv a rendu « {answer} » ; le client a fermé.")
            : new EchoTrial(Name, [Message], [expected], [answer], false, $"{said} ; votre serveur a répondu « {answer} » au lieu de « {expected} ».");
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(pas de message)";

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _binding.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _server.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopping makes a correct server's AcceptAsync throw; a fault before the stop was already reported.
        }
    }

    /// <summary>Stops the student's server (cancels its token, closes the listening socket) and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
