using NetCourse.Capture;

namespace NetCourse.Dissection;

/// <summary>Dissects a whole <see cref="PacketTrace"/> (live or recorded) in capture order.</summary>
public static class CaptureLayers
{
    /// <summary>Every frame of <paramref name="capture"/>, dissected.</summary>
    public static IReadOnlyList<DissectedPacket> Dissect(PacketTrace capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var dissector = new PacketDissector();
        return capture.Frames.Select(f => dissector.Dissect(f.Data, capture.LinkType, f.Timestamp, f.OriginalLength)).ToList();
    }

    /// <summary>The first packet of a recorded course capture (data/<paramref name="name"/>) that carries application data.</summary>
    public static DissectedPacket FirstWithData(string name)
    {
        var packets = Dissect(CourseData.Load(name));
        return packets.FirstOrDefault(p => p.Layers.Any(l => l.Kind == LayerKind.Application)) ?? packets[0];
    }
}
