namespace NetCourse.Sockets;

/// <summary>The bounds every course server enforces, so that no client can hang it or exhaust the machine.</summary>
/// <param name="IdleTimeout">A client silent for this long is disconnected (default 30 s).</param>
/// <param name="MaxMessageBytes">The longest message (chat line, HTTP request head) accepted (default 8 KiB).</param>
/// <param name="MaxClients">The most clients served at once; more are turned away (default 2 000).</param>
/// <param name="Backlog">The listen backlog: connections the kernel queues before the server accepts them (default 512).</param>
public sealed record ServerOptions(TimeSpan IdleTimeout, int MaxMessageBytes = 8192, int MaxClients = 2000, int Backlog = 512)
{
    /// <summary>The defaults: 30 s idle timeout, 8 KiB messages, 2 000 clients, backlog 512.</summary>
    public static ServerOptions Default { get; } = new(TimeSpan.FromSeconds(30));

    /// <summary>Throws when a bound is out of range (zero, negative, absurdly large).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public void Validate()
    {
        if (IdleTimeout <= TimeSpan.Zero || IdleTimeout > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), "Le délai d'inactivité doit être compris entre 1 ms et 1 h.");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxMessageBytes, 1 << 20);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxClients);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxClients, 100_000);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Backlog);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Backlog, 65535);
    }
}
