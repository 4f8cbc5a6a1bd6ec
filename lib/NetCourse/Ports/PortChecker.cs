using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetCourse.Html;

namespace NetCourse.Ports;

/// <summary>
/// Tells whether a TCP port is open by trying to connect, and how long the answer took. By default only the loopback
/// and the course's lab hosts (198.18.0.0/15) are accepted; anything else is refused with the reason, unless the
/// caller opts in explicitly. Never throws for a bad target: the result says what went wrong.
/// </summary>
public static class PortChecker
{
    /// <summary>The most ports one scan may try.</summary>
    public const int MaxPortsPerScan = 1024;

    /// <summary>Tries a TCP connection to <paramref name="host"/>:<paramref name="port"/>, bounded by <paramref name="timeout"/> (default 2 s).</summary>
    /// <param name="host">An IP address or "localhost"; a name is resolved only with <paramref name="allowOutsideLab"/>.</param>
    /// <param name="port">1–65535.</param>
    /// <param name="timeout">The longest wait for an answer (at most 30 s).</param>
    /// <param name="allowOutsideLab">The explicit opt-in to contact machines other than this one and the lab.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    public static async Task<PortCheckResult> CheckAsync(string host, int port, TimeSpan? timeout = null, bool allowOutsideLab = false,
        CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? TimeSpan.FromSeconds(2);
        if (wait <= TimeSpan.Zero || wait > TimeSpan.FromSeconds(30))
            return NotChecked(host, null, port, "Le délai doit être compris entre 1 ms et 30 s.");
        if (port is < 1 or > 65535)
            return NotChecked(host, null, port, $"{port} n'est pas un port TCP valide : un port va de 1 à 65535.");
        var address = TargetPolicy.ParseLiteral(host);
        if (address is null)
        {
            if (string.IsNullOrWhiteSpace(host))
                return NotChecked(host ?? "", null, port, "Aucune machine donnée : indiquez une adresse IP, par exemple 127.0.0.1.");
            if (!allowOutsideLab)
                return NotChecked(host, null, port, $"« {host} » est un nom, pas une adresse : le vérificateur n'interroge pas le DNS "
                    + $"et n'accepte que la boucle locale (127.0.0.1, ::1, localhost) et le labo ({TargetPolicy.LabNetwork}).");
            try
            {
                using var dns = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                dns.CancelAfter(wait);
                address = (await Dns.GetHostAddressesAsync(host, dns.Token).ConfigureAwait(false)).FirstOrDefault();
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (address is null)
                return NotChecked(host, null, port, $"Le nom « {host} » n'a pas pu être résolu.");
        }
        var refusal = TargetPolicy.RefusalReason(address, allowOutsideLab);
        if (refusal is not null) return NotChecked(host, address, port, refusal);

        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.LingerState = new LingerOption(true, 0);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(wait);
        var watch = Stopwatch.StartNew();
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), bound.Token).ConfigureAwait(false);
            var ms = watch.Elapsed.TotalMilliseconds;
            return new PortCheckResult(host, address, port, PortState.Open, ms, "connexion acceptée : un programme écoute sur ce port (SYN → SYN-ACK → ACK).");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new PortCheckResult(host, address, port, PortState.Closed, watch.Elapsed.TotalMilliseconds, "connexion refusée : personne n'écoute, la machine a répondu au SYN par un RST.");
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown)
        {
            return new PortCheckResult(host, address, port, PortState.Unreachable, watch.Elapsed.TotalMilliseconds, $"machine injoignable ({e.SocketErrorCode}) : aucune route vers elle.");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            return NoAnswer(host, address, port, watch.Elapsed.TotalMilliseconds, wait);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NoAnswer(host, address, port, watch.Elapsed.TotalMilliseconds, wait);
        }
        catch (SocketException e)
        {
            return new PortCheckResult(host, address, port, PortState.Unreachable, watch.Elapsed.TotalMilliseconds, $"échec de la connexion : {e.SocketErrorCode}.");
        }
    }

    /// <summary>Checks several ports of one host, a few at a time (at most <see cref="MaxPortsPerScan"/> ports).</summary>
    /// <returns>One result per port, in the order given.</returns>
    public static async Task<IReadOnlyList<PortCheckResult>> ScanAsync(string host, IEnumerable<int> ports, TimeSpan? timeout = null,
        bool allowOutsideLab = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var list = ports.Take(MaxPortsPerScan + 1).ToArray();
        if (list.Length > MaxPortsPerScan)
            throw new ArgumentException($"Au plus {MaxPortsPerScan} ports par balayage.", nameof(ports));
        var results = new PortCheckResult[list.Length];
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(list.Select(async (port, i) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try { results[i] = await CheckAsync(host, port, timeout, allowOutsideLab, cancellationToken).ConfigureAwait(false); }
            finally { gate.Release(); }
        })).ConfigureAwait(false);
        return results;
    }

    /// <summary>An HTML table of results.</summary>
    public static HtmlTable Table(IEnumerable<PortCheckResult> results) =>
        new("Vérification de ports", ["machine", "port", "état", "durée (ms)", "explication"],
            results.Select(r => (IReadOnlyList<string>)[r.Host, r.Port.ToString(CultureInfo.InvariantCulture), r.StateText,
                r.Milliseconds.ToString("0.000", CultureInfo.InvariantCulture), r.Message]).ToArray());

    private static PortCheckResult NotChecked(string host, IPAddress? address, int port, string message) =>
        new(host, address, port, PortState.NotChecked, 0, message);

    private static PortCheckResult NoAnswer(string host, IPAddress address, int port, double ms, TimeSpan wait) =>
        new(host, address, port, PortState.NoAnswer, ms,
            string.Create(CultureInfo.InvariantCulture, $"pas de réponse en {wait.TotalSeconds:0.###} s : paquets ignorés (pare-feu) ou machine absente."));
}
