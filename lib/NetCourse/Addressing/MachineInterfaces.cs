using System.Net.NetworkInformation;
using System.Net.Sockets;
using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>Reads this machine's network interfaces (System.Net.NetworkInformation) and shows them as a table.</summary>
public static class MachineInterfaces
{
    /// <summary>The interfaces of this machine, loopback first, then by name.</summary>
    public static IReadOnlyList<InterfaceInfo> List()
    {
        var result = new List<InterfaceInfo>();
        NetworkInterface[] all;
        try
        {
            all = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            return result;
        }
        foreach (var nic in all)
        {
            var addresses = new List<string>();
            try
            {
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    var text = unicast.Address.ToString();
                    addresses.Add(unicast.PrefixLength > 0 ? $"{text}/{unicast.PrefixLength}" : text);
                }
            }
            catch (NetworkInformationException)
            {
                // Some virtual interfaces refuse to give their properties: keep them without addresses.
            }
            var isLoopback = nic.NetworkInterfaceType == NetworkInterfaceType.Loopback;
            result.Add(new InterfaceInfo(nic.Name, KindOf(nic.NetworkInterfaceType, nic.Name), addresses,
                FormatMac(nic.GetPhysicalAddress().GetAddressBytes()), StateOf(nic.OperationalStatus),
                SpeedOf(nic), isLoopback));
        }
        return result.OrderBy(i => i.IsLoopback ? 0 : 1).ThenBy(i => i.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The interfaces as an HTML table (name, type, addresses, MAC, state, speed).</summary>
    public static HtmlTable Table(IReadOnlyList<InterfaceInfo>? interfaces = null)
    {
        var rows = (interfaces ?? List()).Select(i => (IReadOnlyList<string>)new[]
        {
            i.Name, i.Kind, i.Addresses.Count == 0 ? "—" : string.Join(", ", i.Addresses),
            i.Mac.Length == 0 ? "—" : i.Mac, i.State, i.SpeedMbps is { } s ? $"{s} Mbit/s" : "non indiquée",
        }).ToArray();
        return new HtmlTable($"Les interfaces réseau de cette machine ({rows.Length})",
            ["Nom", "Type", "Adresses IP", "Adresse MAC", "État", "Débit"], rows);
    }

    /// <summary>The MAC address bytes as aa:bb:cc:dd:ee:ff (empty for none or all zeros).</summary>
    public static string FormatMac(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.All(b => b == 0))
            return "";
        return string.Join(":", bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The French name of an interface type; the name helps for Linux interfaces .NET reports as Unknown.</summary>
    public static string KindOf(NetworkInterfaceType type, string name) => type switch
    {
        NetworkInterfaceType.Loopback => "boucle locale",
        NetworkInterfaceType.Wireless80211 => "Wi-Fi (sans fil)",
        NetworkInterfaceType.Ethernet or NetworkInterfaceType.GigabitEthernet or NetworkInterfaceType.FastEthernetT
            or NetworkInterfaceType.FastEthernetFx or NetworkInterfaceType.Ethernet3Megabit => name.StartsWith("veth", StringComparison.Ordinal)
                ? "Ethernet virtuel (veth)" : name.StartsWith("wl", StringComparison.Ordinal) ? "Wi-Fi (sans fil)" : "Ethernet (filaire)",
        NetworkInterfaceType.Tunnel => "tunnel",
        NetworkInterfaceType.Ppp => "PPP (liaison point à point)",
        _ when name.StartsWith("wl", StringComparison.Ordinal) => "Wi-Fi (sans fil)",
        _ when name.StartsWith("tun", StringComparison.Ordinal) || name.StartsWith("wg", StringComparison.Ordinal) => "tunnel",
        _ => "autre (" + type + ")",
    };

    private static string StateOf(OperationalStatus status) => status switch
    {
        OperationalStatus.Up => "active",
        OperationalStatus.Down => "inactive",
        OperationalStatus.Dormant => "en veille",
        OperationalStatus.LowerLayerDown => "câble ou lien absent",
        OperationalStatus.NotPresent => "absente",
        OperationalStatus.Testing => "en test",
        _ => "inconnu",
    };

    private static long? SpeedOf(NetworkInterface nic)
    {
        try
        {
            // Linux reports an unknown speed as -1, which .NET can show as 4294967295 Mbit/s: treat it as unknown.
            var mbps = nic.Speed / 1_000_000;
            return mbps is > 0 and < uint.MaxValue ? mbps : null;
        }
        catch (Exception e) when (e is NetworkInformationException or PlatformNotSupportedException or SocketException or IOException)
        {
            return null;
        }
    }
}
