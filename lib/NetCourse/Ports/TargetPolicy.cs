using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace NetCourse.Ports;

/// <summary>
/// Which machines the course's probing tools may contact: this machine (loopback 127.0.0.0/8, ::1) and the course's
/// lab hosts (198.18.0.0/15, inside network namespaces the course creates). Anything else needs an explicit opt-in.
/// </summary>
public static class TargetPolicy
{
    /// <summary>The lab's address block (RFC 2544 benchmarking range, never routed on the Internet).</summary>
    public const string LabNetwork = "198.18.0.0/15";

    private static readonly IPNetwork Lab = IPNetwork.Parse(LabNetwork);

    /// <summary>True when <paramref name="address"/> is on the loopback.</summary>
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(Unmap(address));

    /// <summary>True when <paramref name="address"/> is one of the lab's hosts (198.18.0.0/15).</summary>
    public static bool IsLab(IPAddress address) => Lab.Contains(Unmap(address));

    /// <summary>True when the course's tools may contact <paramref name="address"/> without an opt-in.</summary>
    public static bool IsAllowed(IPAddress address) => IsLoopback(address) || IsLab(address);

    /// <summary>
    /// True when the lab is up: one of this machine's interfaces has an address in 198.18.0.0/15. Without it, a lab
    /// address would be routed out through the default gateway, so the tools refuse it.
    /// </summary>
    public static bool LabIsUp()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Any(a => IsLab(a.Address));
        }
        catch (NetworkInformationException)
        {
            return false;
        }
    }

    /// <summary>Why <paramref name="address"/> is refused, in French, or null when it is allowed.</summary>
    /// <param name="address">The target.</param>
    /// <param name="allowOutside">The explicit opt-in: true lets any address through.</param>
    public static string? RefusalReason(IPAddress address, bool allowOutside) =>
        RefusalReason(address, allowOutside, () => LabIsUp());

    internal static string? RefusalReason(IPAddress address, bool allowOutside, Func<bool> labIsUp)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (allowOutside || IsLoopback(address)) return null;
        if (IsLab(address))
            return labIsUp() ? null
                : $"{address} est une adresse du labo ({LabNetwork}), mais le labo n'est pas démarré sur cette machine : "
                  + "sans lui, le paquet partirait vers la passerelle par défaut. Démarrez d'abord le labo (chapitre 8, ou ./netcourse lab up).";
        return $"{address} n'est ni la boucle locale (127.0.0.0/8, ::1) ni une machine du labo ({LabNetwork}) : "
            + "sonder les ports d'une machine sans l'accord de son propriétaire peut être illégal et passe pour une attaque. "
            + "Si cette machine est la vôtre, passez explicitement allowOutsideLab: true.";
    }

    /// <summary>Parses a target: an IP address, or "localhost" (→ 127.0.0.1, without any DNS query).</summary>
    /// <returns>The address, or null when <paramref name="host"/> is neither.</returns>
    public static IPAddress? ParseLiteral(string? host)
    {
        var text = (host ?? "").Trim();
        if (text.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (text.StartsWith('[') && text.EndsWith(']')) text = text[1..^1];
        return IPAddress.TryParse(text, out var address) && text.Length > 0 ? address : null;
    }

    private static IPAddress Unmap(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
