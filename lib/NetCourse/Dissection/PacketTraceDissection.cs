using NetCourse.Capture;

namespace NetCourse.Dissection;

/// <summary>Dissects a <see cref="PacketTrace"/> (an extension, because Capture sits below Dissection).</summary>
public static class PacketTraceDissection
{
    /// <summary>Dissects every frame, in order (Wireshark's field names, TCP analysis across the capture).</summary>
    public static IReadOnlyList<DissectedPacket> Dissect(this PacketTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var dissector = new PacketDissector();
        var packets = new List<DissectedPacket>(trace.Frames.Count);
        foreach (var frame in trace.Frames)
        {
            var seconds = Math.DivRem(frame.UnixNanoseconds, 1_000_000_000L, out var nanos);
            packets.Add(dissector.Dissect(frame.Data, trace.LinkType, seconds + nanos / 1_000_000_000m, frame.OriginalLength));
        }
        return packets;
    }
}
