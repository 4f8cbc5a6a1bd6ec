using NetCourse.Capture;

namespace NetCourse.Dissection;

/// <summary>
/// Reads a pcap or pcapng file and dissects it, streaming: the dissection-aware side of
/// <see cref="CaptureFileReader"/>, which only yields raw frames (Capture sits below Dissection).
/// </summary>
public static class CaptureFileDissector
{
    /// <summary>
    /// Dissects every packet of a capture file, streaming. Throws <see cref="CaptureFileException"/> (French message)
    /// when the file cannot be opened, or — after the packets before the damage — when it is truncated or damaged.
    /// </summary>
    public static IEnumerable<DissectedPacket> Read(string path) => Read(path, null);

    /// <summary>Like <see cref="Read(string)"/>, keeping only <paramref name="fields"/> in each packet (null: every field); see <see cref="PacketDissector(IEnumerable{string})"/>.</summary>
    public static IEnumerable<DissectedPacket> Read(string path, IEnumerable<string>? fields)
    {
        var dissector = new PacketDissector(fields);
        foreach (var frame in CaptureFileReader.ReadRaw(path))
            yield return dissector.Dissect(frame.Data, frame.LinkType, frame.Timestamp, frame.OriginalLength);
    }
}
