using System.Globalization;
using System.Net;

namespace NetCourse.Ports;

/// <summary>The outcome of one port check.</summary>
/// <param name="Host">The target as given.</param>
/// <param name="Address">The address tried, or null when none was.</param>
/// <param name="Port">The port.</param>
/// <param name="State">What the attempt found.</param>
/// <param name="Milliseconds">How long the attempt took (0 when not tried).</param>
/// <param name="Message">The outcome explained in French.</param>
public sealed record PortCheckResult(string Host, IPAddress? Address, int Port, PortState State, double Milliseconds, string Message)
{
    /// <summary>The state in French (ouvert, fermé …).</summary>
    public string StateText => State switch
    {
        PortState.Open => "ouvert",
        PortState.Closed => "fermé",
        PortState.NoAnswer => "pas de réponse",
        PortState.Unreachable => "injoignable",
        _ => "non vérifié",
    };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port} → {StateText} en {Milliseconds:0.000} ms — {Message}");
}
