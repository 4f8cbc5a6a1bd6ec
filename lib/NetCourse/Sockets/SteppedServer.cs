using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetCourse.Sockets;

/// <summary>
/// The source's server, with every step recorded: (1) wait for a connection, (2) accept it, (3) exchange — read one
/// line, work for a while, answer « reçu : … » — and (4) close. It runs in the background on the loopback until
/// disposed; a silent client is dropped after a read timeout, a client that vanishes is noted, and the server goes on.
/// </summary>
public sealed class SteppedServer : IAsyncDisposable
{
    /// <summary>The actor name used in the recorder.</summary>
    public const string Actor = "serveur";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<Task> _handlers = [];
    private readonly Lock _gate = new();
    private int _served;

    private SteppedServer(TcpListener listener, StepRecorder recorder, ServerMode mode, TimeSpan work, TimeSpan readTimeout,
        TimeSpan? clientCloseWait = null, string answerSuffix = "")
    {
        ClientCloseWait = clientCloseWait;
        AnswerSuffix = answerSuffix;
        _listener = listener;
        Recorder = recorder;
        Mode = mode;
        WorkTime = work;
        ReadTimeout = readTimeout;
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Where the server listens.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>One client at a time, or all at once.</summary>
    public ServerMode Mode { get; }

    /// <summary>How long the server "works" on each request before answering.</summary>
    public TimeSpan WorkTime { get; }

    /// <summary>How long the server waits for a silent client before closing.</summary>
    public TimeSpan ReadTimeout { get; }

    /// <summary>
    /// When set, after answering the server waits (at most this long) for the client to close its side and records
    /// whether it did (« le client a fermé sa connexion »): the exercise that checks a student's client uses it.
    /// </summary>
    public TimeSpan? ClientCloseWait { get; }

    /// <summary>
    /// Text added after every answer (« reçu : ligne » + suffix). The exercise that checks a student's client adds a
    /// number drawn at random, so only a client that really reads the answer can return it.
    /// </summary>
    public string AnswerSuffix { get; }

    /// <summary>Where the steps go.</summary>
    public StepRecorder Recorder { get; }

    /// <summary>How many clients were served completely (answer sent).</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Starts the server on 127.0.0.1:<paramref name="port"/> (0 = a free port), in the background.</summary>
    /// <param name="recorder">Where to record the steps.</param>
    /// <param name="mode">One client at a time or concurrent.</param>
    /// <param name="port">The port (0 = chosen by the system).</param>
    /// <param name="workTime">Work per request before answering (default 0, at most 10 s).</param>
    /// <param name="readTimeout">How long to wait for a silent client (default 2 s, at most 60 s).</param>
    /// <param name="clientCloseWait">When set (at most 60 s), wait that long after answering for the client's close, and record it.</param>
    /// <param name="answerSuffix">Text added after every answer (see <see cref="AnswerSuffix"/>); one line, at most 64 characters.</param>
    public static Task<SteppedServer> StartAsync(StepRecorder recorder, ServerMode mode = ServerMode.OneAtATime, int port = 0,
        TimeSpan? workTime = null, TimeSpan? readTimeout = null, TimeSpan? clientCloseWait = null, string answerSuffix = "")
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(answerSuffix);
        if (answerSuffix.Length > 64 || answerSuffix.Contains('\n', StringComparison.Ordinal))
            throw new ArgumentOutOfRangeException(nameof(answerSuffix), "le complément de réponse tient sur une ligne de 64 caractères au plus.");
        var work = workTime ?? TimeSpan.Zero;
        var read = readTimeout ?? TimeSpan.FromSeconds(2);
        if (work < TimeSpan.Zero || work > TimeSpan.FromSeconds(10))
            throw new ArgumentOutOfRangeException(nameof(workTime), "le temps de travail doit être entre 0 et 10 s.");
        if (read <= TimeSpan.Zero || read > TimeSpan.FromSeconds(60))
            throw new ArgumentOutOfRangeException(nameof(readTimeout), "le délai de lecture doit être entre 0 et 60 s.");
        if (clientCloseWait is { } wait && (wait <= TimeSpan.Zero || wait > TimeSpan.FromSeconds(60)))
            throw new ArgumentOutOfRangeException(nameof(clientCloseWait), "l'attente de la fermeture du client doit être entre 0 et 60 s.");
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(5); // the source's listen(5)
        return Task.FromResult(new SteppedServer(listener, recorder, mode, work, read, clientCloseWait, answerSuffix));
    }

    private async Task LoopAsync()
    {
        var token = _stop.Token;
        var number = 0;
        while (!token.IsCancellationRequested)
        {
            Recorder.Record(Actor, "1. attendre", $"écoute sur {EndPoint}, attend une connexion");
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            number++;
            var handler = HandleAsync(client, number, token);
            if (Mode == ServerMode.OneAtATime)
            {
                await handler.ConfigureAwait(false);
            }
            else
            {
                lock (_gate)
                {
                    _handlers.RemoveAll(t => t.IsCompleted);
                    _handlers.Add(handler);
                }
            }
        }
    }

    private async Task HandleAsync(TcpClient client, int number, CancellationToken token)
    {
        using (client)
        {
            var remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
            var peer = $"connexion n°{number}";
            Recorder.Record(Actor, "2. accepter", $"connexion n°{number} acceptée, venue de {remote}", peer);
            try
            {
                using var bound = CancellationTokenSource.CreateLinkedTokenSource(token);
                bound.CancelAfter(ReadTimeout);
                var stream = client.GetStream();
                var line = await ReadLineAsync(stream, 1024, bound.Token).ConfigureAwait(false);
                if (line is null)
                {
                    Recorder.Record(Actor, "3. échanger", $"connexion n°{number} : le client est parti avant d'envoyer une ligne complète", peer);
                }
                else
                {
                    Recorder.Record(Actor, "3. échanger", $"reçu « {line} » de la connexion n°{number}", peer);
                    if (WorkTime > TimeSpan.Zero)
                        await Task.Delay(WorkTime, token).ConfigureAwait(false);
                    var answer = $"reçu : {line}{AnswerSuffix}";
                    var reply = Encoding.UTF8.GetBytes(answer + "\n");
                    // Recorded before the write: once written, the client may record its receipt (and read the counters)
                    // first, and the diagram would show the answer arriving before it was sent.
                    Recorder.Record(Actor, "3. échanger", $"répondu « {answer} » ({reply.Length} octets)", peer);
                    Interlocked.Increment(ref _served);
                    await stream.WriteAsync(reply, token).ConfigureAwait(false);
                    if (ClientCloseWait is { } wait)
                        await WaitForClientCloseAsync(stream, number, peer, wait, token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                Recorder.Record(Actor, "3. échanger", $"connexion n°{number} : client muet pendant {ReadTimeout.TotalSeconds:0.#} s, on abandonne", peer);
            }
            catch (OperationCanceledException)
            {
                Recorder.Record(Actor, "3. échanger", $"connexion n°{number} : serveur arrêté pendant l'échange", peer);
            }
            catch (IOException)
            {
                Recorder.Record(Actor, "3. échanger", $"connexion n°{number} : le client a disparu pendant l'échange", peer);
            }
            catch (SocketException)
            {
                Recorder.Record(Actor, "3. échanger", $"connexion n°{number} : le client a disparu pendant l'échange", peer);
            }
            Recorder.Record(Actor, "4. fermer", $"connexion n°{number} fermée", peer);
        }
    }

    private async Task WaitForClientCloseAsync(NetworkStream stream, int number, string peer, TimeSpan wait, CancellationToken token)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(token);
        bound.CancelAfter(wait);
        var buffer = new byte[256];
        var extra = 0;
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, bound.Token).ConfigureAwait(false)) > 0)
                extra += n;
            Recorder.Record(Actor, "4. fermer", $"connexion n°{number} : le client a fermé sa connexion"
                + (extra > 0 ? $" (après {extra} octet(s) de plus)" : ""), peer);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            Recorder.Record(Actor, "4. fermer", $"connexion n°{number} : le client n'a pas fermé sa connexion en {wait.TotalSeconds:0.#} s", peer);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            Recorder.Record(Actor, "4. fermer", $"connexion n°{number} : le client a coupé brutalement (RST)", peer);
        }
    }

    /// <summary>Reads bytes up to a newline (not included); null when the peer closes first. At most <paramref name="max"/> bytes.</summary>
    internal static async Task<string?> ReadLineAsync(NetworkStream stream, int max, CancellationToken token)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < max)
        {
            var n = await stream.ReadAsync(one, token).ConfigureAwait(false);
            if (n == 0)
                return null;
            if (one[0] == (byte)'\n')
                break;
            bytes.Add(one[0]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd('\r');
    }

    /// <summary>Stops listening, ends the exchanges in progress and frees the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Task[] pending;
        lock (_gate)
            pending = [.. _handlers, _loop];
        try
        {
            await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Handlers end on cancellation; a stuck one must not block the caller.
        }
        _stop.Dispose();
    }
}
