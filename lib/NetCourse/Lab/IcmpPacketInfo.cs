using System.Net;

namespace NetCourse.Lab;

/// <summary>One captured ICMPv4 packet, as a line of the packet list.</summary>
/// <param name="Number">Its frame number in the capture (from 1, as in the No. column).</param>
/// <param name="Time">Seconds since the first packet of the capture.</param>
/// <param name="Source">IP source.</param>
/// <param name="Destination">IP destination.</param>
/// <param name="Ttl">The IP header's TTL as captured.</param>
/// <param name="Type">ICMP type.</param>
/// <param name="Code">ICMP code.</param>
/// <param name="Identifier">Echo identifier (of the echo itself, or of the probe quoted inside a « time exceeded »).</param>
/// <param name="Sequence">Echo sequence number (same rule).</param>
/// <param name="QuotedTtl">For a « time exceeded »: the TTL of the quoted probe header (null otherwise).</param>
public sealed record IcmpPacketInfo(int Number, double Time, IPAddress Source, IPAddress Destination, int Ttl, int Type, int Code,
    int? Identifier, int? Sequence, int? QuotedTtl)
{
    /// <summary>The kind of message.</summary>
    public IcmpKind Kind => Type switch
    {
        8 => IcmpKind.EchoRequest,
        0 => IcmpKind.EchoReply,
        11 => IcmpKind.TimeExceeded,
        3 => IcmpKind.Unreachable,
        _ => IcmpKind.Other,
    };

    /// <summary>The Info column, in Wireshark's style and in French.</summary>
    public string Info => Kind switch
    {
        IcmpKind.EchoRequest => $"Echo (ping) request  id=0x{Identifier:x4}, seq={Sequence}, ttl={Ttl}",
        IcmpKind.EchoReply => $"Echo (ping) reply    id=0x{Identifier:x4}, seq={Sequence}, ttl={Ttl}",
        IcmpKind.TimeExceeded => $"Time-to-live exceeded (temps dépassé en transit) — sonde id=0x{Identifier:x4}, seq={Sequence}",
        IcmpKind.Unreachable => $"Destination unreachable (code {Code})",
        _ => $"ICMP type {Type} code {Code}",
    };
}
