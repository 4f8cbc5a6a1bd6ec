using NetCourse.Capture;
using PacketDotNet;

namespace NetCourse.Bench.Dissect;

/// <summary>One TCP payload of a recorded TLS connection, and who sent it.</summary>
/// <param name="FromClient">True when the client sent it.</param>
/// <param name="Payload">The TCP payload, as captured.</param>
internal sealed record TlsSegment(bool FromClient, byte[] Payload);

/// <summary>
/// The TLS connections of <c>data/04-http-vs-https.pcap</c> (made by <c>data/make-captures.sh</c> with Python's ssl
/// module: one TLS 1.3 and one TLS 1.2 connection, real handshakes with a certificate, several records in one segment,
/// records spread over segments, close_notify alerts), as the payloads each side sent, so the bench replays real TLS
/// byte streams under fresh addresses, ports and sequence numbers.
/// </summary>
internal static class TlsConversations
{
    /// <summary>The capture the TLS byte streams come from, relative to the repository root.</summary>
    public const string Source = "data/04-http-vs-https.pcap";

    /// <summary>The payload-carrying segments of every TCP connection to port 443 in <paramref name="path"/>, in capture order.</summary>
    public static IReadOnlyList<IReadOnlyList<TlsSegment>> Read(string path)
    {
        var connections = new Dictionary<ushort, List<TlsSegment>>();
        var order = new List<ushort>();
        foreach (var frame in CaptureFileReader.ReadRaw(path))
        {
            if (Packet.ParsePacket((LinkLayers)frame.LinkType, frame.Data).Extract<TcpPacket>() is not { } tcp)
                continue;
            var fromClient = tcp.DestinationPort == 443;
            if (!fromClient && tcp.SourcePort != 443)
                continue;
            var clientPort = fromClient ? tcp.SourcePort : tcp.DestinationPort;
            if (!connections.TryGetValue(clientPort, out var segments))
            {
                connections[clientPort] = segments = [];
                order.Add(clientPort);
            }
            if (tcp.PayloadData is { Length: > 0 } payload)
                segments.Add(new TlsSegment(fromClient, payload));
        }
        var result = order.Select(p => (IReadOnlyList<TlsSegment>)connections[p]).Where(s => s.Count > 0).ToList();
        if (result.Count == 0)
            throw new InvalidDataException($"{path} : aucune connexion TLS (port 443) à rejouer");
        return result;
    }

    /// <summary>Finds <see cref="Source"/> above the bench's folder or the current folder.</summary>
    public static string Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Source);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        throw new FileNotFoundException($"{Source} introuvable : lancez le banc depuis le dépôt (bench/run)");
    }
}
