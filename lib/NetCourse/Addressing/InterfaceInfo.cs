namespace NetCourse.Addressing;

/// <summary>One network interface of this machine, as the course shows it.</summary>
/// <param name="Name">The interface name (lo, eth0 …).</param>
/// <param name="Kind">Its type in French (boucle locale, Ethernet (filaire), Wi-Fi (sans fil) …).</param>
/// <param name="Addresses">Its IP addresses with their prefix length (127.0.0.1/8, ::1/128 …).</param>
/// <param name="Mac">Its MAC address as aa:bb:cc:dd:ee:ff, or an empty string when it has none.</param>
/// <param name="State">Its state in French (active, inactive …).</param>
/// <param name="SpeedMbps">Its speed in Mbit/s, or null when the system does not report one.</param>
/// <param name="IsLoopback">True for the loopback interface.</param>
public sealed record InterfaceInfo(string Name, string Kind, IReadOnlyList<string> Addresses, string Mac, string State, long? SpeedMbps, bool IsLoopback);
