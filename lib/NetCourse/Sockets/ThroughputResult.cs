using System.Globalization;

namespace NetCourse.Sockets;

/// <summary>What one throughput run measured.</summary>
/// <param name="Bytes">Bytes received by the receiver.</param>
/// <param name="Seconds">Time from the first send to the last byte received.</param>
/// <param name="BufferBytes">The size of each send() and receive().</param>
public sealed record ThroughputResult(long Bytes, double Seconds, int BufferBytes)
{
    /// <summary>The throughput in gigabits per second (10⁹ bits/s, as iperf3 reports).</summary>
    public double GigabitsPerSecond => Seconds > 0 ? Bytes * 8 / Seconds / 1e9 : 0;

    /// <summary>The throughput in megabytes per second (10⁶ bytes/s).</summary>
    public double MegabytesPerSecond => Seconds > 0 ? Bytes / Seconds / 1e6 : 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Bytes / 1e6:0.0} Mo en {Seconds:0.000} s : {GigabitsPerSecond:0.00} Gbit/s ({MegabytesPerSecond:0} Mo/s, tampons de {BufferBytes / 1024} Kio)");
}
