using System.Globalization;
using System.Net;

namespace NetCourse.Lab;

/// <summary>The names, addresses and commands of one lab, computed from its options (nothing is run here).</summary>
internal sealed class LabPlan
{
    public LabPlan(LabOptions options)
    {
        Options = options;
        RootInterface = options.Prefix + "0";
        Routers = Enumerable.Range(1, options.Routers).Select(i => $"{options.Prefix}-r{i}").ToArray();
        Host = $"{options.Prefix}-h1";
    }

    /// <summary>Name, inside a node, of the interface facing the machine.</summary>
    public const string UpLink = "nc-up";

    /// <summary>Name, inside a router, of the interface facing the host.</summary>
    public const string DownLink = "nc-down";

    public LabOptions Options { get; }

    /// <summary>The veth end that stays in the root namespace (the machine's lab interface).</summary>
    public string RootInterface { get; }

    /// <summary>Router namespaces, nearest first.</summary>
    public IReadOnlyList<string> Routers { get; }

    /// <summary>The host namespace at the far end.</summary>
    public string Host { get; }

    /// <summary>Every namespace of the lab, nearest first.</summary>
    public IEnumerable<string> Namespaces => Routers.Append(Host);

    /// <summary>The nodes with their planned addresses.</summary>
    public IReadOnlyList<LabNode> Nodes()
    {
        var o = Options;
        var nodes = new List<LabNode> { new(RootInterface, LabNodeRole.Machine, [new(RootInterface, o.Address(0, 1), 24)]) };
        for (var i = 0; i < Routers.Count; i++)
            nodes.Add(new(Routers[i], LabNodeRole.Router, [new(UpLink, o.Address(i, 2), 24), new(DownLink, o.Address(i + 1, 1), 24)]));
        nodes.Add(new(Host, LabNodeRole.Host, [new(UpLink, o.Address(Routers.Count, 2), 24)]));
        return nodes;
    }

    /// <summary>The far host's address.</summary>
    public IPAddress HostAddress => Options.Address(Routers.Count, 2);

    /// <summary>The commands that build the lab, in order.</summary>
    public IReadOnlyList<LabStep> Steps()
    {
        var o = Options;
        var steps = new List<LabStep>();
        string Cidr(int link, byte last) => $"{o.Address(link, last)}/24";
        foreach (var ns in Namespaces)
        {
            steps.Add(new($"crée l'espace de noms {ns}", "ip", ["netns", "add", ns]));
            steps.Add(new($"active lo dans {ns}", "ip", ["-n", ns, "link", "set", "dev", "lo", "up"]));
        }
        // Link 0: the machine (root namespace) to router 1.
        steps.Add(new($"relie la machine ({RootInterface}) au routeur 1", "ip",
            ["link", "add", RootInterface, "type", "veth", "peer", "name", UpLink, "netns", Routers[0]]));
        steps.Add(new($"adresse {Cidr(0, 1)} sur {RootInterface}", "ip", ["addr", "add", Cidr(0, 1), "dev", RootInterface]));
        steps.Add(new($"active {RootInterface}", "ip", ["link", "set", "dev", RootInterface, "up"]));
        // Links 1..N: router i to router i+1, the last one to the host.
        var chain = Namespaces.ToArray();
        for (var i = 0; i < Routers.Count; i++)
        {
            var near = chain[i];
            var far = chain[i + 1];
            steps.Add(new($"relie {near} à {far}", "ip", ["-n", near, "link", "add", DownLink, "type", "veth", "peer", "name", UpLink, "netns", far]));
        }
        for (var i = 0; i < chain.Length; i++)
        {
            steps.Add(new($"adresse {Cidr(i, 2)} sur {chain[i]}/{UpLink}", "ip", ["-n", chain[i], "addr", "add", Cidr(i, 2), "dev", UpLink]));
            steps.Add(new($"active {chain[i]}/{UpLink}", "ip", ["-n", chain[i], "link", "set", "dev", UpLink, "up"]));
            if (i < Routers.Count)
            {
                steps.Add(new($"adresse {Cidr(i + 1, 1)} sur {chain[i]}/{DownLink}", "ip", ["-n", chain[i], "addr", "add", Cidr(i + 1, 1), "dev", DownLink]));
                steps.Add(new($"active {chain[i]}/{DownLink}", "ip", ["-n", chain[i], "link", "set", "dev", DownLink, "up"]));
                steps.Add(new($"{chain[i]} fait suivre les paquets (routeur)", "ip",
                    ["netns", "exec", chain[i], "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"]));
                // No rate limit on ICMP errors, so that repeated traceroutes always get their « time exceeded ».
                steps.Add(new($"{chain[i]} répond à chaque sonde (pas de limite ICMP)", "ip",
                    ["netns", "exec", chain[i], "sysctl", "-q", "-w", "net.ipv4.icmp_ratelimit=0"]));
            }
            steps.Add(new($"route par défaut de {chain[i]} vers la machine", "ip",
                ["-n", chain[i], "route", "add", "default", "via", o.Address(i, 1).ToString()]));
        }
        // Routers reach the subnets beyond their next hop.
        for (var i = 0; i < Routers.Count; i++)
        {
            for (var link = i + 2; link <= Routers.Count; link++)
            {
                steps.Add(new($"{chain[i]} : route vers {o.Subnet(link)}", "ip",
                    ["-n", chain[i], "route", "add", o.Subnet(link).ToString(), "via", o.Address(i + 1, 2).ToString()]));
            }
        }
        // The machine reaches every lab subnet through router 1.
        for (var link = 1; link <= Routers.Count; link++)
        {
            steps.Add(new($"machine : route vers {o.Subnet(link)} par le routeur 1", "ip",
                ["route", "add", o.Subnet(link).ToString(), "via", o.Address(0, 2).ToString(), "dev", RootInterface]));
        }
        if (o.DelayPerHopMs > 0)
        {
            foreach (var ns in chain)
            {
                steps.Add(new($"délai de {o.DelayPerHopMs} ms sur {ns}/{UpLink} (tc netem)", "ip",
                    ["netns", "exec", ns, "tc", "qdisc", "add", "dev", UpLink, "root", "netem", "delay",
                        o.DelayPerHopMs.ToString(CultureInfo.InvariantCulture) + "ms"], Optional: true));
            }
        }
        return steps;
    }
}
