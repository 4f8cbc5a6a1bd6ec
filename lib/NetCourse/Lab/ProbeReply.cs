using System.Net;

namespace NetCourse.Lab;

/// <summary>The answer to one traceroute probe, as the student's TTL loop receives it.</summary>
/// <param name="Ttl">The TTL the probe left with.</param>
/// <param name="From">Who answered: a router (« time exceeded ») or the destination (echo reply); null when nobody did (<c>*</c>).</param>
/// <param name="Reached">True when the destination itself answered: the loop can stop.</param>
/// <param name="RoundTripMs">The round trip in milliseconds, null without an answer.</param>
public sealed record ProbeReply(int Ttl, IPAddress? From, bool Reached, double? RoundTripMs)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"TTL {Ttl} → {(From is null ? "* (pas de réponse)" : Reached ? $"{From} (destination)" : $"{From} (routeur : temps dépassé)")}";
}
