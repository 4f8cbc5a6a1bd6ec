using System.Net;
using System.Net.NetworkInformation;
using PacketDotNet;

namespace NetCourse.Dissection;

/// <summary>
/// Wraps a layer in the one below it with PacketDotNet, taking addresses as text. (Inside the notebook kernel, a cell
/// that passes IPAddress or PhysicalAddress to PacketDotNet itself prints compiler warning CS1701 — PacketDotNet is
/// built against .NET 9's assemblies — so the chapter's cells call these two lines instead.)
/// </summary>
public static class Encapsulation
{
    /// <summary>
    /// <c>new IPv4Packet(IPAddress.Parse(source), IPAddress.Parse(destination)) { TimeToLive = ttl, PayloadPacket = payload }</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An address is not a valid IPv4 address (French message).</exception>
    public static IPv4Packet InIPv4(Packet payload, string source = "127.0.0.1", string destination = "127.0.0.1", byte ttl = 64)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new IPv4Packet(ParseIPv4(source, nameof(source)), ParseIPv4(destination, nameof(destination)))
        {
            TimeToLive = ttl,
            PayloadPacket = payload,
        };
    }

    /// <summary>
    /// <c>new EthernetPacket(source, destination, EthernetType.IPv4 or IPv6) { PayloadPacket = packet }</c>; MAC
    /// addresses as "00:00:00:00:00:00" (the default: the loopback interface's zero addresses).
    /// </summary>
    /// <exception cref="ArgumentException">A MAC address is not valid (French message).</exception>
    public static EthernetPacket InEthernet(IPPacket packet, string source = "00:00:00:00:00:00", string destination = "00:00:00:00:00:00")
    {
        ArgumentNullException.ThrowIfNull(packet);
        var type = packet is IPv6Packet ? EthernetType.IPv6 : EthernetType.IPv4;
        return new EthernetPacket(ParseMac(source, nameof(source)), ParseMac(destination, nameof(destination)), type) { PayloadPacket = packet };
    }

    private static IPAddress ParseIPv4(string text, string name)
    {
        if (text is null || text.Split('.').Length != 4 || !IPAddress.TryParse(text, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            throw new ArgumentException($"« {text} » n'est pas une adresse IPv4 (quatre nombres séparés par des points, comme 127.0.0.1).", name);
        return address;
    }

    private static PhysicalAddress ParseMac(string text, string name)
    {
        var parts = (text ?? "").Split(':', '-');
        if (parts.Length != 6 || parts.Any(p => p.Length != 2 || !p.All(char.IsAsciiHexDigit)))
            throw new ArgumentException($"« {text} » n'est pas une adresse MAC (six octets en hexadécimal, comme 00:00:00:00:00:00).", name);
        return new PhysicalAddress(parts.Select(p => Convert.ToByte(p, 16)).ToArray());
    }
}
