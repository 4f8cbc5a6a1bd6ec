using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>
/// A minimal DNS client: builds a real query (<see cref="DnsMessage"/>), sends it in one UDP datagram, waits for the
/// response with the same id (bounded by a timeout) and parses it. Servers outside the loopback and the lab range
/// (198.18.0.0/15) are refused unless the caller opts in. Never throws on network trouble.
/// </summary>
public static class DnsClient
{
    /// <summary>Asks <paramref name="server"/> for <paramref name="name"/> (default type A, timeout 2 s).</summary>
    public static async Task<DnsQueryResult> QueryAsync(IPEndPoint server, string name, DnsRecordType type = DnsRecordType.A,
        TimeSpan? timeout = null, bool allowAnyServer = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var label = server.ToString();
        var scope = AddressClassifier.Classify(server.Address.ToString()).Scope;
        if (!allowAnyServer && scope is not (AddressScope.Loopback or AddressScope.Benchmark))
            return new DnsQueryResult(name, type, label, null, 0,
                "serveur refusé : le cours n'interroge que la boucle locale et son laboratoire (198.18.0.0/15).", [], []);
        byte[] query;
        try
        {
            query = DnsMessage.Query((ushort)Random.Shared.Next(0, 65536), name, type).ToBytes();
        }
        catch (DnsFormatException e)
        {
            return new DnsQueryResult(name, type, label, null, 0, $"nom invalide : {e.Message}", [], []);
        }
        var id = (ushort)((query[0] << 8) | query[1]);
        var limit = timeout ?? TimeSpan.FromSeconds(2);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(limit);
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var watch = Stopwatch.StartNew();
        try
        {
            await socket.ConnectAsync(server, bound.Token).ConfigureAwait(false);
            await socket.SendAsync(query, SocketFlags.None, bound.Token).ConfigureAwait(false);
            var buffer = new byte[4096];
            while (true)
            {
                var count = await socket.ReceiveAsync(buffer, SocketFlags.None, bound.Token).ConfigureAwait(false);
                if (count < 2 || ((buffer[0] << 8) | buffer[1]) != id)
                    continue; // not our answer: keep waiting until the timeout.
                var bytes = buffer.AsSpan(0, count).ToArray();
                try
                {
                    return new DnsQueryResult(name, type, label, DnsMessage.Parse(bytes), watch.Elapsed.TotalMilliseconds, null, query, bytes);
                }
                catch (DnsFormatException e)
                {
                    return new DnsQueryResult(name, type, label, null, watch.Elapsed.TotalMilliseconds, $"réponse illisible : {e.Message}", query, bytes);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DnsQueryResult(name, type, label, null, watch.Elapsed.TotalMilliseconds,
                $"aucune réponse en {limit.TotalSeconds:0.#} s : le serveur est-il lancé sur {label} ?", query, []);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused || e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return new DnsQueryResult(name, type, label, null, watch.Elapsed.TotalMilliseconds,
                $"personne n'écoute sur {label} (le système a répondu « port inaccessible »).", query, []);
        }
        catch (SocketException e)
        {
            return new DnsQueryResult(name, type, label, null, watch.Elapsed.TotalMilliseconds, $"erreur réseau : {e.SocketErrorCode}.", query, []);
        }
    }

    /// <summary>Asks several questions ("nom" for A, "nom AAAA" for another type) and shows the answers as a table.</summary>
    public static async Task<HtmlTable> TableAsync(IPEndPoint server, IEnumerable<string> questions, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var question in questions)
        {
            var parts = question.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 0)
                continue;
            var type = parts.Length > 1 && Enum.TryParse<DnsRecordType>(parts[1], true, out var t) ? t : DnsRecordType.A;
            var r = await QueryAsync(server, parts[0], type, timeout, false, cancellationToken).ConfigureAwait(false);
            rows.Add([parts[0], type.ToString(), r.Status, r.Addresses.Count == 0 ? "—" : string.Join(", ", r.Addresses),
                r.ElapsedMs.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), r.Error ?? ""]);
        }
        return new HtmlTable($"Questions au serveur DNS {server}", ["Nom", "Type", "Statut", "Adresses", "Durée (ms)", "Erreur"], rows);
    }
}
