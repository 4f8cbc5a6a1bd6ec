using System.Buffers.Binary;
using System.Net;

namespace NetCourse.Addressing;

/// <summary>
/// The kernel's IPv4 routing table as Linux publishes it in /proc/net/route (readable without root): what the UDP
/// trick consults to choose a source address. Used when no isolated namespace can show the no-route case live.
/// </summary>
internal static class RouteTable
{
    /// <summary>One route: destination network, prefix length, gateway (0.0.0.0 = directly connected), interface.</summary>
    public sealed record Route(IPAddress Destination, int PrefixLength, IPAddress Gateway, string Interface)
    {
        public bool IsDefault => PrefixLength == 0;

        public bool Covers(IPAddress target)
        {
            if (PrefixLength == 0) return true;
            var mask = uint.MaxValue << (32 - PrefixLength);
            return (BinaryPrimitives.ReadUInt32BigEndian(target.GetAddressBytes()) & mask) == (BinaryPrimitives.ReadUInt32BigEndian(Destination.GetAddressBytes()) & mask);
        }

        public override string ToString() => (IsDefault ? "route par défaut (0.0.0.0/0)" : $"{Destination}/{PrefixLength}")
            + (Gateway.Equals(IPAddress.Any) ? "" : $" via {Gateway}") + $" sur {Interface}";
    }

    /// <summary>Reads /proc/net/route (empty when unreadable).</summary>
    public static IReadOnlyList<Route> Read(string path = "/proc/net/route")
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Parses the text of /proc/net/route (addresses are little-endian hexadecimal).</summary>
    public static IReadOnlyList<Route> Parse(string text)
    {
        var routes = new List<Route>();
        foreach (var line in text.Split('\n').Skip(1))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 8 || !uint.TryParse(f[1], System.Globalization.NumberStyles.HexNumber, null, out var dest)
                || !uint.TryParse(f[2], System.Globalization.NumberStyles.HexNumber, null, out var gateway)
                || !uint.TryParse(f[7], System.Globalization.NumberStyles.HexNumber, null, out var mask))
                continue;
            routes.Add(new Route(new IPAddress(dest), System.Numerics.BitOperations.PopCount(mask), new IPAddress(gateway), f[0]));
        }
        return routes;
    }

    /// <summary>The route the kernel would use toward <paramref name="target"/> (longest prefix), or null.</summary>
    public static Route? Choose(IReadOnlyList<Route> routes, IPAddress target) =>
        routes.Where(r => r.Covers(target)).OrderByDescending(r => r.PrefixLength).FirstOrDefault();
}
