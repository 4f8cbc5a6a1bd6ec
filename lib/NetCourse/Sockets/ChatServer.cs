using System.Collections.Concurrent;
using System.Net;

namespace NetCourse.Sockets;

/// <summary>
/// A small line-based chat over TCP (try it with <c>nc 127.0.0.1 12801</c>): every line a client sends is relayed to
/// the other clients as "[nom] texte". Commands: /nom NOUVEAU, /qui, /quitter. Bounded: lines longer than
/// MaxMessageBytes and silent clients are disconnected; a client too slow to read its messages (more than 256 KiB
/// waiting for it) is disconnected rather than slowing the others down or filling the memory.
/// </summary>
public sealed class ChatServer : ITcpServerStart<ChatServer>
{
    private const int MaxQueuedBytes = 256 * 1024;
    private readonly TcpServerHost _host;
    private readonly ConcurrentDictionary<long, Member> _members = new();
    private long _relayed;

    private sealed record Member(ClientConnection Connection, ClientOutbox Outbox);

    private ChatServer(int port, IPAddress? address, ServerOptions? options, bool fallbackToFreePort)
    {
        _host = TcpServerHost.Listen(port, address, options, fallbackToFreePort, ServeAsync);
    }

    /// <inheritdoc />
    public int Port => _host.Binding.Port;

    /// <inheritdoc />
    public IPEndPoint EndPoint => _host.Binding.EndPoint;

    /// <inheritdoc />
    public string Notice => _host.Binding.Notice;

    /// <inheritdoc />
    public ServerStats Stats => _host.Stats;

    /// <summary>How many lines were delivered to clients (one line sent to three others counts three).</summary>
    public long LinesRelayed => Interlocked.Read(ref _relayed);

    /// <summary>Starts the server.</summary>
    /// <param name="port">The port (default 12801; 0 = any free port).</param>
    /// <param name="address">The local address (default 127.0.0.1).</param>
    /// <param name="options">The bounds (default <see cref="ServerOptions.Default"/>).</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port, false throws <see cref="PortInUseException"/>.</param>
    public static Task<ChatServer> StartAsync(int port = 12801, IPAddress? address = null, ServerOptions? options = null, bool fallbackToFreePort = true) =>
        Task.FromResult(new ChatServer(port, address, options, fallbackToFreePort));

    private async Task ServeAsync(ClientConnection client)
    {
        client.Name = $"client{client.Id}";
        var outbox = new ClientOutbox(client, MaxQueuedBytes, n => Interlocked.Add(ref _relayed, n));
        var member = new Member(client, outbox);
        try
        {
            // Queued before the member joins the room, so the welcome is the first line the client reads even when
            // others join at the same moment (their notices go only to members already in the room).
            Send(member, $"Bienvenue, vous êtes {client.Name}. Commandes : /nom NOUVEAU, /qui, /quitter.");
            _members[client.Id] = member;
            Broadcast(client.Id, $"* {client.Name} a rejoint le salon");
            var reader = new LineReader(client.ReceiveAsync, _host.Options.MaxMessageBytes);
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync().ConfigureAwait(false);
                }
                catch (ProtocolViolationException)
                {
                    Send(member, $"* ligne trop longue (au plus {_host.Options.MaxMessageBytes} octets) : déconnexion");
                    await outbox.DrainAsync(_host.Options.IdleTimeout).ConfigureAwait(false);
                    await client.CloseGracefullyAsync().ConfigureAwait(false);
                    throw;
                }
                if (line is null || line == "/quitter") return;
                if (line.StartsWith("/nom ", StringComparison.Ordinal))
                {
                    var name = new string(line[5..].Trim().Where(c => !char.IsControl(c)).Take(32).ToArray());
                    if (name.Length == 0) { Send(member, "* nom vide, ignoré"); continue; }
                    Broadcast(client.Id, $"* {client.Name} s'appelle maintenant {name}");
                    client.Name = name;
                    Send(member, $"* vous êtes maintenant {name}");
                }
                else if (line == "/qui")
                {
                    Send(member, "* connectés : " + string.Join(", ", _members.Values.Select(m => m.Connection.Name).Order(StringComparer.Ordinal)));
                }
                else if (line.Length > 0)
                {
                    Broadcast(client.Id, $"[{client.Name}] {line}");
                }
            }
        }
        finally
        {
            _members.TryRemove(client.Id, out _);
            Broadcast(client.Id, $"* {client.Name} a quitté le salon");
            // Let the last lines (goodbye, "too long") go out, bounded by the idle timeout.
            await outbox.DrainAsync(_host.Options.IdleTimeout).ConfigureAwait(false);
        }
    }

    private void Broadcast(long from, string line)
    {
        foreach (var member in _members.Values)
            if (member.Connection.Id != from) Send(member, line);
    }

    private static void Send(Member member, string line) => member.Outbox.TrySend(line);

    /// <summary>Stops accepting, closes every client, releases the port.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <inheritdoc />
    public override string ToString() => $"Salon de discussion — {Notice}";
}
