namespace NetCourse.Lab;

/// <summary>The bounds of a traceroute: every run is limited in hops, probes and time.</summary>
/// <param name="MaxHops">Largest TTL tried (1 to 64).</param>
/// <param name="ProbesPerHop">Probes sent with each TTL (1 to 10).</param>
/// <param name="TimeoutMs">How long to wait for each probe's answer, in milliseconds (50 to 10 000).</param>
/// <param name="AllowExternal">Allows targets outside loopback and the lab (198.18.0.0/15). Off by default.</param>
public sealed record TracerouteOptions(int MaxHops = 16, int ProbesPerHop = 3, int TimeoutMs = 1000, bool AllowExternal = false)
{
    /// <summary>Checks the bounds; a French reason when one is out of range, null when all are fine.</summary>
    public string? Validate() =>
        MaxHops is < 1 or > 64 ? $"nombre de sauts maximal {MaxHops} invalide : entre 1 et 64."
        : ProbesPerHop is < 1 or > 10 ? $"sondes par saut {ProbesPerHop} invalide : entre 1 et 10."
        : TimeoutMs is < 50 or > 10_000 ? $"délai d'attente {TimeoutMs} ms invalide : entre 50 et 10 000 ms."
        : null;
}
