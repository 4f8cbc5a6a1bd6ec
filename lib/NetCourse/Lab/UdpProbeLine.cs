using System.Net;

namespace NetCourse.Lab;

/// <summary>One probe of a UDP traceroute, paired with its answer (read from a capture).</summary>
/// <param name="Number">The probe's frame number in the capture.</param>
/// <param name="Ttl">The TTL it left with.</param>
/// <param name="DestinationPort">Its UDP destination port (33434, 33435… one more per probe).</param>
/// <param name="AnsweredBy">Who answered, or null (<c>*</c>).</param>
/// <param name="AnswerNumber">The answer's frame number, or null.</param>
/// <param name="Kind">The answer: <see cref="IcmpKind.TimeExceeded"/> from a router, <see cref="IcmpKind.Unreachable"/> (port unreachable) from the destination, <see cref="IcmpKind.Other"/> when none.</param>
/// <param name="RoundTripMs">From the capture's timestamps, null without an answer.</param>
public sealed record UdpProbeLine(int Number, int Ttl, int DestinationPort, IPAddress? AnsweredBy, int? AnswerNumber, IcmpKind Kind, double? RoundTripMs);
