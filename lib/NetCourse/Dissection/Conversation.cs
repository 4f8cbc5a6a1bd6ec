namespace NetCourse.Dissection;

/// <summary>One conversation between two endpoints, as Wireshark's Statistics › Conversations counts it.</summary>
/// <param name="Protocol">TCP, UDP, IPv4, IPv6 or Ethernet.</param>
/// <param name="A">The first endpoint (address, or address:port).</param>
/// <param name="B">The second endpoint.</param>
/// <param name="PacketsAToB">Packets from A to B.</param>
/// <param name="PacketsBToA">Packets from B to A.</param>
/// <param name="BytesAToB">Bytes (frame lengths) from A to B.</param>
/// <param name="BytesBToA">Bytes from B to A.</param>
/// <param name="Start">Time of its first packet, relative to the capture's first packet (s).</param>
/// <param name="Duration">Time from its first to its last packet (s).</param>
public sealed record Conversation(string Protocol, string A, string B, int PacketsAToB, int PacketsBToA, long BytesAToB, long BytesBToA, decimal Start, decimal Duration);
