using System.Net;

namespace NetCourse.Addressing;

/// <summary>One answer record of a DNS message (A or AAAA carry an address; other types keep their raw data).</summary>
/// <param name="Name">The owner name, without the final dot.</param>
/// <param name="Type">The record type.</param>
/// <param name="TimeToLive">How long it may be cached, in seconds.</param>
/// <param name="Address">The address of an A/AAAA record, or null.</param>
/// <param name="Data">The raw record data (RDATA).</param>
public sealed record DnsAnswer(string Name, DnsRecordType Type, uint TimeToLive, IPAddress? Address, byte[] Data)
{
    /// <summary>An A (IPv4) or AAAA (IPv6) record for <paramref name="address"/>.</summary>
    public static DnsAnswer ForAddress(string name, IPAddress address, uint timeToLive = 60) =>
        new(name, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? DnsRecordType.AAAA : DnsRecordType.A,
            timeToLive, address, address.GetAddressBytes());

    /// <inheritdoc />
    public override string ToString() => $"{Name} {TimeToLive} IN {Type} {Address?.ToString() ?? Convert.ToHexString(Data)}";
}
