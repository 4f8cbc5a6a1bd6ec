using System.Diagnostics;
using System.Globalization;
using NetCourse.Platform;

namespace NetCourse.Tests.Classroom;

/// <summary>
/// A classroom LAN in network namespaces (root): a namespace « salle » holding a bridge, the instructor's namespace and
/// one namespace per student, each joined to the bridge by a veth pair, all in 198.19.50.0/24. Nothing touches the
/// machine's own namespace; <see cref="Dispose"/> deletes every namespace (their veths go with them), even after a failure.
/// </summary>
internal sealed class SchoolRoom : IDisposable
{
    public const string Subnet = "198.19.50";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly List<string> _namespaces = [];

    private SchoolRoom(string prefix) => Prefix = prefix;

    public string Prefix { get; }

    public string Room => $"{Prefix}-salle";

    public string Instructor => $"{Prefix}-prof";

    public const string InstructorAddress = Subnet + ".1";

    public IReadOnlyList<string> Namespaces => _namespaces;

    /// <summary>The namespace of the host named <paramref name="suffix"/>.</summary>
    public string Host(string suffix) => $"{Prefix}-{suffix}";

    /// <summary>Builds the room with the instructor and <paramref name="hosts"/> (namespace suffix, last address byte).</summary>
    public static SchoolRoom Build(IReadOnlyList<(string Suffix, int HostByte)> hosts)
    {
        var room = new SchoolRoom($"nc-cl{Random.Shared.Next(0x1000, 0xffff):x4}");
        try
        {
            var all = new List<(string Name, int HostByte)> { (room.Instructor, 1) };
            all.AddRange(hosts.Select(h => (room.Host(h.Suffix), h.HostByte)));
            room._namespaces.Add(room.Room);
            room._namespaces.AddRange(all.Select(h => h.Name));
            Batch(null, room._namespaces.Select(n => $"netns add {n}"));
            var links = new List<string> { "link add br0 type bridge", "link set br0 up", "link set lo up" };
            for (var i = 0; i < all.Count; i++)
            {
                links.Add($"link add p{i} type veth peer name eth0 netns {all[i].Name}");
                links.Add($"link set p{i} master br0 up");
            }
            Batch(room.Room, links);
            foreach (var (name, hostByte) in all)
                Batch(name, ["link set lo up", $"addr add {Subnet}.{hostByte.ToString(CultureInfo.InvariantCulture)}/24 dev eth0", "link set eth0 up"]);
            return room;
        }
        catch
        {
            room.Dispose();
            throw;
        }
    }

    private static void Batch(string? inNamespace, IEnumerable<string> commands)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, commands);
            string[] arguments = inNamespace is null ? ["-batch", file] : ["-n", inNamespace, "-batch", file];
            var run = ExternalCommand.Run("ip", arguments, Bound);
            if (!run.Succeeded) throw new InvalidOperationException($"ip {string.Join(' ', arguments)} : {run.Error}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A process inside namespace <paramref name="ns"/> (ip netns exec), its standard streams redirected.</summary>
    public static Process Start(string ns, string program, params string[] arguments)
    {
        var info = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["netns", "exec", ns, program, .. arguments]) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException($"{program} n'a pas démarré dans {ns}");
    }

    public void Dispose()
    {
        // Every namespace goes, whatever happened; a leftover would be a bug this check reports.
        foreach (var ns in _namespaces.AsEnumerable().Reverse())
            ExternalCommand.Run("ip", ["netns", "del", ns], Bound);
        var left = ExternalCommand.Run("ip", ["netns", "list"], Bound).Output;
        if (left.Contains(Prefix, StringComparison.Ordinal)) throw new InvalidOperationException($"espaces de noms restés : {left}");
    }
}
