using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using NetCourse.Sockets;

namespace NetCourse.Classroom;

/// <summary>
/// The class's chat server (the lesson's port, 12800). The protocol is the lesson's: UTF-8 lines; the first line is the
/// student's name; every later line goes to every other student as « nom : message »; lines starting with « * » are
/// the server's own notices. So <c>nc ADDRESS 12800</c>, the lesson's Python client and the notebooks all take part.
/// It faces a room, so everything is bounded (<see cref="ClassroomOptions"/>): names and messages are text without
/// control characters, a line over 1 KiB is cut, a student sending too fast is slowed then disconnected, a student too
/// slow to read is dropped, a connection that never gives a name is closed, and nothing a student sends is ever run or
/// opened. One line, <see cref="SharedProgress"/>, shares exercise progress with the dashboard instead of the class.
/// </summary>
public sealed class ClassroomServer : IAsyncDisposable
{
    private readonly TcpServerHost _host;
    private readonly ConcurrentDictionary<long, Student> _students = new();
    private readonly Queue<ClassMessage> _recent = new();
    private long _studentsSeen, _messages, _linesIgnored, _linesCut, _slowDropped, _floodersCut;

    private sealed class Student(ClientConnection connection, string name, ClientOutbox outbox, ClassroomOptions options)
    {
        public ClientConnection Connection { get; } = connection;

        public string Name { get; } = name;

        public ClientOutbox Outbox { get; } = outbox;

        public DateTimeOffset Since { get; } = DateTimeOffset.Now;

        public LinePace Pace { get; } = new(options.LinesPerSecond, options.Burst);

        public long Sent;

        public long Ignored;

        public bool Warned;

        public IReadOnlyList<ChapterProgress> Progress { get; set; } = [];

        public StudentInfo Info => new(Name, Connection.Remote, Since, Interlocked.Read(ref Sent), Progress);
    }

    private ClassroomServer(ServerBinding binding, ClassroomOptions options)
    {
        Options = options;
        StartedAt = DateTimeOffset.Now;
        _host = new TcpServerHost(binding,
            new ServerOptions(options.IdleWait, options.MaxLineBytes, options.MaxStudents, Backlog: 128), ServeAsync);
    }

    /// <summary>The bounds in effect.</summary>
    public ClassroomOptions Options { get; }

    /// <summary>When the class opened.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The address and port the server listens on.</summary>
    public IPEndPoint EndPoint => _host.Binding.EndPoint;

    /// <summary>What happened at start, in French.</summary>
    public string Notice => _host.Binding.Notice;

    /// <summary>Students who gave a name since the start.</summary>
    public long StudentsSeen => Interlocked.Read(ref _studentsSeen);

    /// <summary>Messages relayed to the class since the start.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Starts the class's chat server on <paramref name="address"/> only (default 127.0.0.1).</summary>
    /// <param name="address">The one local address to listen on (the instructor's choice; default the loopback).</param>
    /// <param name="port">The port (default 12800, the lesson's; 0 = any free port).</param>
    /// <param name="options">The bounds (default <see cref="ClassroomOptions.Default"/>).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port, false throws <see cref="PortInUseException"/>.</param>
    public static Task<ClassroomServer> StartAsync(IPAddress? address = null, int port = 12800, ClassroomOptions? options = null, bool fallbackToFreePort = false)
    {
        var bounds = options ?? ClassroomOptions.Default;
        bounds.Validate();
        var binding = ServerBinding.ListenTcp(port, 128, address ?? IPAddress.Loopback, fallbackToFreePort);
        return Task.FromResult(new ClassroomServer(binding, bounds));
    }

    /// <summary>Who is connected, the recent messages and the counters, now.</summary>
    public ClassroomSnapshot Snapshot()
    {
        ClassMessage[] lines;
        lock (_recent) lines = [.. _recent];
        var stats = _host.Stats;
        return new ClassroomSnapshot(StartedAt, DateTimeOffset.Now,
            _students.Values.Select(s => s.Info).OrderBy(s => s.Since).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray(), lines,
            StudentsSeen, Messages, Interlocked.Read(ref _linesIgnored), Interlocked.Read(ref _linesCut),
            Interlocked.Read(ref _slowDropped), Interlocked.Read(ref _floodersCut), stats.Rejected, stats.TimedOut);
    }

    private async Task ServeAsync(ClientConnection client)
    {
        var outbox = new ClientOutbox(client, Options.MaxQueuedBytes);
        var reader = new CuttingLineReader(client.ReceiveAsync, Options.MaxLineBytes);
        Student? me = null;
        try
        {
            outbox.TrySend("* Classe NetCourse : tapez votre nom puis Entrée.");
            (string Text, bool WasCut)? first;
            using (var nameTimer = CancellationTokenSource.CreateLinkedTokenSource(client.Token))
            {
                nameTimer.CancelAfter(Options.NameWait);
                first = await reader.ReadLineAsync().AsTask().WaitAsync(nameTimer.Token).ConfigureAwait(false);
            }
            if (first is null) return;
            me = Join(client, outbox, first.Value.Text);
            while (true)
            {
                var line = await reader.ReadLineAsync().ConfigureAwait(false);
                if (line is null) return;
                if (!await HandleAsync(me, line.Value.Text, line.Value.WasCut).ConfigureAwait(false)) return;
            }
        }
        finally
        {
            if (me is not null)
            {
                _students.TryRemove(client.Id, out _);
                Announce($"{me.Name} a quitté la classe", except: null);
            }
            // The last lines (a goodbye, why it was cut off) go out, bounded.
            await outbox.DrainAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
    }

    private Student Join(ClientConnection client, ClientOutbox outbox, string line)
    {
        var name = ClassText.Name(line, $"élève{client.Id}");
        var taken = _students.Values.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 2; taken.Contains(name); n++) name = ClassText.Name(line, "élève") + $" ({n})";
        var me = new Student(client, name, outbox, Options);
        _students[client.Id] = me;
        Interlocked.Increment(ref _studentsSeen);
        outbox.TrySend(string.Create(CultureInfo.InvariantCulture,
            $"* Bienvenue {name} ! {_students.Count} élève(s) connecté(s). Chaque ligne que vous écrivez part à toute la classe."));
        Announce($"{name} a rejoint la classe", except: me);
        return me;
    }

    /// <summary>One line from a student; false when the student must be disconnected.</summary>
    private async Task<bool> HandleAsync(Student me, string raw, bool wasCut)
    {
        if (SharedProgress.TryParse(raw, out var progress))
        {
            me.Progress = progress;
            me.Outbox.TrySend("* progression partagée avec le tableau de bord de l'enseignant.");
            return true;
        }
        var text = ClassText.Clean(raw);
        if (text.Length == 0) return true;
        if (!me.Pace.TryTake())
        {
            Interlocked.Increment(ref _linesIgnored);
            me.Ignored++;
            if (!me.Warned)
                me.Outbox.TrySend(string.Create(CultureInfo.InvariantCulture,
                    $"* doucement : au plus {Options.LinesPerSecond} lignes par seconde, les lignes en trop sont ignorées."));
            me.Warned = true;
            if (me.Ignored <= Options.FloodLimit) return true;
            Interlocked.Increment(ref _floodersCut);
            // Off the list before it hears why: whoever reads the notice then sees a consistent class.
            _students.TryRemove(me.Connection.Id, out _);
            me.Outbox.TrySend("* trop de lignes ignorées : déconnexion.");
            await me.Outbox.DrainAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            // FIN, then what it still sends is read and dropped (bounded): no RST that would destroy the notice.
            await me.Connection.CloseGracefullyAsync().ConfigureAwait(false);
            return false;
        }
        me.Warned = false;
        if (wasCut)
        {
            Interlocked.Increment(ref _linesCut);
            me.Outbox.TrySend($"* ligne trop longue : coupée à {Options.MaxLineBytes} octets.");
        }
        Interlocked.Increment(ref me.Sent);
        Interlocked.Increment(ref _messages);
        Record(new ClassMessage(DateTimeOffset.Now, me.Name, text, wasCut));
        Broadcast($"{me.Name} : {text}{(wasCut ? " […]" : "")}", except: me);
        return true;
    }

    private void Announce(string notice, Student? except)
    {
        Record(new ClassMessage(DateTimeOffset.Now, null, notice));
        Broadcast("* " + notice, except);
    }

    private void Broadcast(string line, Student? except)
    {
        foreach (var student in _students.Values)
        {
            if (ReferenceEquals(student, except)) continue;
            if (!student.Outbox.TrySend(line) && student.Outbox.Overflowed && _students.TryRemove(student.Connection.Id, out _))
                Interlocked.Increment(ref _slowDropped);
        }
    }

    private void Record(ClassMessage message)
    {
        lock (_recent)
        {
            _recent.Enqueue(message);
            while (_recent.Count > Options.MessagesKept) _recent.Dequeue();
        }
    }

    /// <summary>Stops accepting, closes every connection, releases the port.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"Classe NetCourse — {Notice}";
}
