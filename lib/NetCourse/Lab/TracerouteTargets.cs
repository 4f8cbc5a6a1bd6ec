using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lab;

/// <summary>Which addresses the course's traceroute may probe: loopback and the lab (198.18.0.0/15), nothing else without an explicit opt-in.</summary>
public static class TracerouteTargets
{
    /// <summary>True when <paramref name="address"/> is on this machine's loopback or in the lab block.</summary>
    public static bool IsLocalOrLab(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address)
               || (address.AddressFamily == AddressFamily.InterNetwork && LabOptions.Block.Contains(address));
    }

    /// <summary>Parses and checks a target; returns the address, or null with a French reason.</summary>
    public static IPAddress? Check(string? text, bool allowExternal, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(text) || !IPAddress.TryParse(text.Trim(), out var address))
        {
            reason = $"« {text} » n'est pas une adresse IP (exemple : 198.18.3.2 ou 127.0.0.1 ; les noms ne sont pas résolus).";
            return null;
        }
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            reason = $"{address} n'est pas une destination.";
            return null;
        }
        if (!allowExternal && !IsLocalOrLab(address))
        {
            reason = $"{address} est hors de la boucle locale (127.0.0.0/8, ::1) et du labo (198.18.0.0/15) : le cours ne sonde pas "
                     + "d'autres réseaux sans votre accord explicite (--allow-external en ligne de commande, AllowExternal = true en C#).";
            return null;
        }
        return address;
    }
}
