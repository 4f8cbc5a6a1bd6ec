using System.Globalization;
using System.Net;
using NetCourse.Html;

namespace NetCourse.Ports;

/// <summary>
/// Reads the kernel's socket tables (/proc/net/tcp, tcp6, udp, udp6) without any external tool: what listens on this
/// machine now, and the accept queue of a listening socket.
/// </summary>
public static class ProcNet
{
    private static readonly string[] TcpStates =
        ["?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"];

    /// <summary>The four tables read by <see cref="ReadAll"/>.</summary>
    public static IReadOnlyList<string> Protocols { get; } = ["tcp", "tcp6", "udp", "udp6"];

    /// <summary>Parses the text of one table (its header line is skipped; malformed lines are ignored).</summary>
    /// <param name="text">The content of /proc/net/<paramref name="protocol"/>.</param>
    /// <param name="protocol">"tcp", "tcp6", "udp" or "udp6".</param>
    public static IReadOnlyList<SocketEntry> Parse(string text, string protocol)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<SocketEntry>();
        foreach (var line in text.Split('\n').Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 10 || !f[0].EndsWith(':')) continue;
            if (!TryEndpoint(f[1], out var local, out var localPort) || !TryEndpoint(f[2], out var remote, out var remotePort)) continue;
            if (!int.TryParse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var state)) continue;
            var queues = f[4].Split(':');
            if (queues.Length != 2
                || !long.TryParse(queues[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var tx)
                || !long.TryParse(queues[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rx)) continue;
            if (!long.TryParse(f[9], NumberStyles.Integer, CultureInfo.InvariantCulture, out var inode)) continue;
            var stateName = state >= 0 && state < TcpStates.Length ? TcpStates[state] : $"0x{state:X2}";
            entries.Add(new SocketEntry(protocol, local, localPort, remote, remotePort, stateName, tx, rx, inode));
        }
        return entries;
    }

    /// <summary>Decodes an address:port as the kernel writes it (hex; each 32-bit word of the address in host byte order).</summary>
    public static bool TryEndpoint(string text, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out port)) return false;
        var hex = text[..colon];
        if (hex.Length != 8 && hex.Length != 32) return false;
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            if (!uint.TryParse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)) return false;
            // The kernel prints each 32-bit word as a number in the machine's byte order (little-endian here).
            if (!BitConverter.IsLittleEndian) value = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(word * 4), value);
        }
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>Reads the four tables of this machine (a missing table, e.g. without IPv6, is skipped), with the program holding each socket when it can be found.</summary>
    public static IReadOnlyList<SocketEntry> ReadAll()
    {
        var entries = new List<SocketEntry>();
        foreach (var protocol in Protocols)
        {
            try
            {
                entries.AddRange(Parse(File.ReadAllText($"/proc/net/{protocol}"), protocol));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        var owners = SocketOwners();
        return entries.Select(e => owners.TryGetValue(e.Inode, out var p) ? e with { Process = p } : e).ToArray();
    }

    /// <summary>The sockets that wait for connections (TCP LISTEN) or datagrams (bound UDP), ordered by port.</summary>
    public static IReadOnlyList<SocketEntry> Listening() =>
        ReadAll().Where(e => e.IsListening).OrderBy(e => e.LocalPort).ThenBy(e => e.Protocol, StringComparer.Ordinal).ToArray();

    /// <summary>The TCP LISTEN socket on <paramref name="port"/> (IPv4 or IPv6), or null: its <see cref="SocketEntry.ReceiveQueue"/> is the number of connections waiting in the accept queue.</summary>
    public static SocketEntry? FindListener(int port)
    {
        foreach (var protocol in new[] { "tcp", "tcp6" })
        {
            try
            {
                var found = Parse(File.ReadAllText($"/proc/net/{protocol}"), protocol).FirstOrDefault(e => e.State == "LISTEN" && e.LocalPort == port);
                if (found is not null) return found;
            }
            catch (IOException) { }
        }
        return null;
    }

    /// <summary>An HTML table of sockets: protocol, address, port, the service usually there, who holds it.</summary>
    public static HtmlTable Table(IEnumerable<SocketEntry> entries, string caption = "Ce qui écoute sur cette machine") =>
        new(caption, ["protocole", "adresse locale", "port", "service habituel", "joignable depuis", "programme"],
            entries.Select(e => (IReadOnlyList<string>)[
                e.Protocol, e.LocalAddress.ToString(), e.LocalPort.ToString(CultureInfo.InvariantCulture),
                WellKnownPorts.Find(e.LocalPort)?.Service ?? "—",
                e.IsLoopbackOnly ? "cette machine seulement" : IsAny(e.LocalAddress) ? "toutes les interfaces" : "cette adresse",
                e.Process ?? "?"]).ToArray());

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static Dictionary<long, string> SocketOwners()
    {
        var owners = new Dictionary<long, string>();
        string[] pids;
        try { pids = Directory.GetDirectories("/proc"); }
        catch (IOException) { return owners; }
        catch (UnauthorizedAccessException) { return owners; }
        foreach (var dir in pids)
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit)) continue;
            try
            {
                var name = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                {
                    var target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                        && long.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.Integer, CultureInfo.InvariantCulture, out var inode))
                        owners.TryAdd(inode, $"{name} ({pid})");
                }
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return owners;
    }
}
