using System.Net;
using System.Text.RegularExpressions;

namespace NetCourse.Lab;

/// <summary>
/// How the lab is built: a chain machine — router 1 — … — router N — host, one /24 per link, every address taken from
/// 198.18.0.0/15 (RFC 2544, reserved for benchmarking: it collides with no real network).
/// </summary>
/// <param name="Prefix">Prefix of every name the lab creates (namespaces <c>PREFIX-r1</c>, <c>PREFIX-h1</c>, interface <c>PREFIX0</c>); must start with <c>nc-</c>.</param>
/// <param name="Routers">How many routers stand between the machine and the lab host (2 to 6).</param>
/// <param name="FirstSubnet">Index of the first /24 inside 198.18.0.0/15 (1 gives 198.18.1.0/24, 256 gives 198.19.0.0/24).</param>
/// <param name="DelayPerHopMs">Delay added at each hop, in milliseconds (0 for none): by <c>tc netem</c>, or, on a kernel without netem, by a relay in this process (<see cref="DelayInProcess"/>).</param>
public sealed partial record LabOptions(string Prefix = "nc-lab", int Routers = 2, int FirstSubnet = 1, int DelayPerHopMs = 5)
{
    /// <summary>The lab's address block, 198.18.0.0/15.</summary>
    public static IPNetwork Block { get; } = IPNetwork.Parse("198.18.0.0/15");

    /// <summary>The default lab (prefix <c>nc-lab</c>, two routers, 198.18.1.0/24 to 198.18.3.0/24).</summary>
    public static LabOptions Default { get; } = new();

    /// <summary>
    /// On a kernel without <c>tc netem</c>, add the delay with a relay that lives in this process (TAP devices, see
    /// DelayRelay): right for a notebook, whose kernel keeps the lab; wrong for a command that exits after building it.
    /// </summary>
    public bool DelayInProcess { get; init; } = true;

    /// <summary>Failure injection for tests: the step with this index fails as if its command had failed.</summary>
    internal int? FailAtStep { get; init; }

    /// <summary>Checks the options; returns a French reason when they are invalid, null when they are fine.</summary>
    public string? Validate()
    {
        if (!PrefixPattern().IsMatch(Prefix))
            return $"préfixe « {Prefix} » invalide : il doit commencer par « nc- », ne contenir que a-z, 0-9 et « - », et faire au plus 10 caractères.";
        if (Routers is < 2 or > 6)
            return $"nombre de routeurs {Routers} invalide : entre 2 et 6.";
        if (DelayPerHopMs is < 0 or > 200)
            return $"délai par saut {DelayPerHopMs} ms invalide : entre 0 et 200 ms.";
        if (FirstSubnet < 0 || FirstSubnet + Routers >= 512)
            return $"sous-réseau de départ {FirstSubnet} invalide : le labo doit tenir dans 198.18.0.0/15 (indices 0 à 511).";
        return null;
    }

    /// <summary>The /24 of link <paramref name="link"/> (0 is the machine's own link).</summary>
    public IPNetwork Subnet(int link)
    {
        var index = FirstSubnet + link;
        return new IPNetwork(new IPAddress([198, (byte)(18 + index / 256), (byte)(index % 256), 0]), 24);
    }

    /// <summary>Address <paramref name="last"/> (1 or 2) inside the /24 of link <paramref name="link"/>.</summary>
    public IPAddress Address(int link, byte last)
    {
        var bytes = Subnet(link).BaseAddress.GetAddressBytes();
        bytes[3] = last;
        return new IPAddress(bytes);
    }

    [GeneratedRegex("^nc-[a-z0-9-]{1,7}$")]
    private static partial Regex PrefixPattern();
}
