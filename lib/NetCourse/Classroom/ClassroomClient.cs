using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Classroom;

/// <summary>
/// A student's side of the class, from a notebook: connects to the one address given (never anywhere else), sends the
/// name, then messages; a background reader keeps the last lines received. Every operation is bounded by a timeout
/// and cancellable; <see cref="DisposeAsync"/> closes the connection and stops the reader.
/// </summary>
public sealed class ClassroomClient : IAsyncDisposable, IHtmlView
{
    private const int Kept = 500;
    private readonly Socket _socket;
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _stop = new();
    private readonly Queue<ClassMessage> _received = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _readLoop;
    private readonly TaskCompletionSource<string> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action? _onLine;

    private ClassroomClient(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>The server's address and port.</summary>
    public IPEndPoint Server { get; private init; } = new(IPAddress.Loopback, 0);

    /// <summary>The name the server gave this student (the one asked for, made unique if needed).</summary>
    public string Name { get; private set; } = "";

    /// <summary>True while the connection is open.</summary>
    public bool Connected => !_readLoop.IsCompleted;

    /// <summary>The last lines received (at most 500): messages from the others and the server's notices.</summary>
    public IReadOnlyList<ClassMessage> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    /// <summary>Parses what a student types as the instructor's address: an IP address, optionally with :port (no name lookup).</summary>
    /// <returns>The address, or null with <paramref name="error"/> in French.</returns>
    public static IPEndPoint? ParseAddress(string? text, int defaultPort, out string? error)
    {
        error = null;
        var value = (text ?? "").Trim();
        var port = defaultPort;
        var colon = value.LastIndexOf(':');
        if (colon > 0 && value.Count(c => c == ':') == 1 || value.StartsWith('[') && value.Contains("]:", StringComparison.Ordinal))
        {
            if (!int.TryParse(value.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                error = $"« {value} » : le port après « : » doit être un nombre de 1 à 65535.";
                return null;
            }
            value = value[..colon];
        }
        if (value.Equals("localhost", StringComparison.OrdinalIgnoreCase)) value = "127.0.0.1"; // no name lookup, ever
        if (value.StartsWith('[') && value.EndsWith(']')) value = value[1..^1];
        if (value.Length == 0 || !IPAddress.TryParse(value, out var address))
        {
            error = $"« {value} » n'est pas une adresse IP : demandez à l'enseignant l'adresse affichée au tableau (par exemple 192.168.1.20).";
            return null;
        }
        return new IPEndPoint(address, port);
    }

    /// <summary>Connects to <paramref name="server"/> and joins the class as <paramref name="name"/>.</summary>
    /// <param name="server">The instructor's server: the only address this client ever contacts.</param>
    /// <param name="name">The student's name (the server cleans it and makes it unique).</param>
    /// <param name="timeout">The bound of every operation (default 5 s).</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <exception cref="TimeoutException">No connection, or no welcome, within the timeout.</exception>
    /// <exception cref="SocketException">The connection was refused or the address is unreachable.</exception>
    public static async Task<ClassroomClient> JoinAsync(IPEndPoint server, string name, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var wait = timeout ?? TimeSpan.FromSeconds(5);
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(wait);
            await socket.ConnectAsync(server, bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Pas de connexion à {server} en {wait.TotalSeconds} s : l'adresse est-elle la bonne, le serveur de l'enseignant est-il lancé ?");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var client = new ClassroomClient(socket, wait) { Server = server };
        try
        {
            await client.SendLineAsync(ClassText.Name(name ?? "", "élève"), cancellationToken).ConfigureAwait(false);
            client.Name = await client._welcome.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch (TimeoutException)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"{server} a accepté la connexion mais n'a pas souhaité la bienvenue en {wait.TotalSeconds} s : est-ce bien le serveur de la classe ?");
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends a message to the class (line breaks become spaces).</summary>
    public Task SendAsync(string message, CancellationToken cancellationToken = default) =>
        SendLineAsync((message ?? "").ReplaceLineEndings(" "), cancellationToken);

    /// <summary>Shares exercise progress with the instructor's dashboard (and nobody else): the student's choice.</summary>
    public Task ShareProgressAsync(IEnumerable<ChapterProgress> chapters, CancellationToken cancellationToken = default) =>
        SendLineAsync(SharedProgress.Format(chapters), cancellationToken);

    /// <summary>Waits (at most <paramref name="wait"/>) until a received line satisfies <paramref name="condition"/>; true if one did.</summary>
    public async Task<bool> WaitForAsync(Func<ClassMessage, bool> condition, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check() { if (Received.Any(condition)) seen.TrySetResult(); }
        lock (_received) _onLine += Check;
        try
        {
            Check();
            await Task.WhenAny(seen.Task, Task.Delay(wait, cancellationToken), _readLoop).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return Received.Any(condition);
        }
        finally
        {
            lock (_received) _onLine -= Check;
        }
    }

    private async Task SendLineAsync(string line, CancellationToken cancellationToken)
    {
        var data = Encoding.UTF8.GetBytes(line + "\n");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        bound.CancelAfter(_timeout);
        await _sending.WaitAsync(bound.Token).ConfigureAwait(false);
        try
        {
            for (var sent = 0; sent < data.Length;)
                sent += await _socket.SendAsync(data.AsMemory(sent), SocketFlags.None, bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            throw new TimeoutException($"Message non envoyé en {_timeout.TotalSeconds} s : le serveur ne lit plus.");
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var reader = new CuttingLineReader(buffer => _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token), 8 * 1024);
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                var message = Parse(line.Text);
                if (message.From is null && message.Text.StartsWith("Bienvenue ", StringComparison.Ordinal))
                {
                    var end = message.Text.IndexOf(" ! ", StringComparison.Ordinal);
                    _welcome.TrySetResult(end > 10 ? message.Text[10..end] : "");
                }
                Action? notify;
                lock (_received)
                {
                    _received.Enqueue(message);
                    while (_received.Count > Kept) _received.Dequeue();
                    notify = _onLine;
                }
                notify?.Invoke();
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _welcome.TrySetException(new IOException("Le serveur a fermé la connexion avant de souhaiter la bienvenue."));
        }
    }

    private static ClassMessage Parse(string line)
    {
        if (line.StartsWith("* ", StringComparison.Ordinal)) return new ClassMessage(DateTimeOffset.Now, null, line[2..]);
        var separator = line.IndexOf(" : ", StringComparison.Ordinal);
        return separator > 0 ? new ClassMessage(DateTimeOffset.Now, line[..separator], line[(separator + 3)..]) : new ClassMessage(DateTimeOffset.Now, null, line);
    }

    /// <summary>The conversation as this student sees it (names and messages HTML-escaped).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:system-ui,sans-serif\">")
            .Append("<p>").Append(HtmlText.Encode($"Vous êtes « {Name} » dans la classe de {Server} ({(Connected ? "connecté" : "déconnecté")}).")).Append("</p><ol style=\"list-style:none;padding:0\">");
        foreach (var m in Received.TakeLast(40))
        {
            html.Append("<li><span style=\"color:#888;font-size:12px\">").Append(m.Time.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append("</span> ");
            html.Append(m.From is null ? $"<i style=\"color:#666\">{HtmlText.Encode(m.Text)}</i>" : $"<b>{HtmlText.Encode(m.From)}</b> : {HtmlText.Encode(m.Text)}");
            html.Append("</li>");
        }
        return html.Append("</ol></div>").ToString();
    }

    /// <summary>Leaves the class: closes the connection and stops the reader (bounded).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        _socket.Dispose();
        await Task.WhenAny(_readLoop, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} dans la classe de {Server} ({Received.Count} ligne(s) reçue(s))";
}
