namespace NetCourse.Dissection;

/// <summary>
/// A packet seen through Wireshark's protocol and field names. The dissector implements it; display filters and
/// colouring rules are evaluated against it.
/// </summary>
public interface IFieldSource
{
    /// <summary>True when the protocol (frame, eth, sll, arp, ip, ipv6, icmp, icmpv6, tcp, udp, dns, http …) is present.</summary>
    bool HasProtocol(string protocol);

    /// <summary>The values of <paramref name="field"/> in this packet, in order (empty when absent).</summary>
    IReadOnlyList<FieldValue> GetValues(string field);

    /// <summary>The bytes of <paramref name="protocol"/> from its first byte to the end of the frame (for slices such as eth[0]); empty when absent.</summary>
    ReadOnlyMemory<byte> GetProtocolBytes(string protocol);
}
