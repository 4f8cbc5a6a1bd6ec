using System.Globalization;
using System.Net;

namespace NetCourse.Lab;

/// <summary>One line of a traceroute: the TTL, who answered, and the round-trip time of each probe.</summary>
/// <param name="Ttl">The TTL of the probes (the hop number).</param>
/// <param name="Address">The address that answered (a router's « time exceeded », or the target), or null when none did (<c>*</c>).</param>
/// <param name="RoundTripsMs">Round-trip time of each probe in milliseconds, null for a probe that got no answer.</param>
/// <param name="Reached">True when the target itself answered at this TTL.</param>
public sealed record TracerouteHop(int Ttl, IPAddress? Address, IReadOnlyList<double?> RoundTripsMs, bool Reached)
{
    /// <summary>Mean of the answered probes' round trips, in ms (null when none answered).</summary>
    public double? MeanMs => RoundTripsMs.Any(r => r is not null) ? RoundTripsMs.Where(r => r is not null).Average(r => r!.Value) : null;

    /// <summary>
    /// The fastest answered probe's round trip, in ms (null when none answered): the hop's robust value. A busy machine
    /// can only add time to a probe (a late thread, a full queue), never remove the delay of the path, so one slow probe
    /// moves the mean but not the minimum.
    /// </summary>
    public double? FastestMs => RoundTripsMs.Any(r => r is not null) ? RoundTripsMs.Where(r => r is not null).Min(r => r!.Value) : null;

    /// <summary>The line as the CLI prints it: « 2  198.18.2.2  0.123 ms  0.101 ms  * ».</summary>
    public string ToLine() =>
        $"{Ttl,2}  {Address?.ToString() ?? "*",-15}  " + string.Join("  ", RoundTripsMs.Select(Format));

    /// <summary>A round trip as text (« 0.123 ms » or « * »).</summary>
    public static string Format(double? ms) => ms is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) + " ms" : "*";

    /// <inheritdoc />
    public override string ToString() => ToLine();
}
