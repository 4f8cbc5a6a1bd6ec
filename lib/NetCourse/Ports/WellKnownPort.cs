namespace NetCourse.Ports;

/// <summary>A port number that a service uses by convention (assigned by the IANA).</summary>
/// <param name="Number">The port number (0–65535).</param>
/// <param name="Transport">"TCP", "UDP" or "TCP/UDP".</param>
/// <param name="Service">The protocol's short name (HTTP, SSH …).</param>
/// <param name="Description">What the service does, in French.</param>
public sealed record WellKnownPort(int Number, string Transport, string Service, string Description);
