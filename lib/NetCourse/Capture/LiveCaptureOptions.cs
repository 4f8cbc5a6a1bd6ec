namespace NetCourse.Capture;

/// <summary>What a live capture listens to and when it stops (it always stops: by count, by time, or on request).</summary>
/// <param name="Device">The interface (for example <c>lo</c>, or a lab interface).</param>
/// <param name="Filter">A BPF capture filter (tcpdump syntax, for example <c>tcp port 12800</c>); empty for everything.</param>
/// <param name="MaxPackets">The capture stops after this many packets (1 to 1 000 000).</param>
/// <param name="Timeout">The capture stops after this long (at most one hour).</param>
/// <param name="SnapLength">The most bytes kept per packet.</param>
/// <param name="MaxBytes">The capture stops once it holds this many captured bytes (memory bound; 1 KiB to 1 GiB).</param>
public sealed record LiveCaptureOptions(string Device = "lo", string Filter = "", int MaxPackets = 1000, TimeSpan? Timeout = null, int SnapLength = 65535, long MaxBytes = 64L * 1024 * 1024)
{
    /// <summary>The longest capture allowed.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <summary>The timeout actually used (10 s when none is given).</summary>
    public TimeSpan EffectiveTimeout => Timeout ?? TimeSpan.FromSeconds(10);

    /// <summary>Checks the options; returns a French message for the first problem, or null when they are fine.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Device)) return "aucune interface donnée (par exemple « lo »).";
        if (MaxPackets is < 1 or > 1_000_000) return $"nombre de paquets invalide ({MaxPackets}) : il doit être entre 1 et 1 000 000.";
        if (EffectiveTimeout <= TimeSpan.Zero || EffectiveTimeout > MaxTimeout) return $"durée invalide ({EffectiveTimeout.TotalSeconds} s) : elle doit être entre 0 et 3600 s.";
        if (SnapLength is < 64 or > 262144) return $"longueur de capture invalide ({SnapLength}) : entre 64 et 262 144 octets.";
        if (MaxBytes is < 1024 or > 1024L * 1024 * 1024) return $"taille maximale invalide ({MaxBytes} octets) : entre 1 Kio et 1 Gio.";
        return null;
    }
}
