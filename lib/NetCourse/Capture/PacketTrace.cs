using System.Globalization;

namespace NetCourse.Capture;

/// <summary>
/// A capture: the raw frames (bytes, lengths, timestamps) with their link type, whether they were just captured live
/// or read from a file. This is what the dissector reads and what is written to a pcap file.
/// </summary>
public sealed class PacketTrace
{
    /// <summary>Creates a capture from frames.</summary>
    /// <param name="linkType">The libpcap link type of every frame (see <see cref="Capture.LinkType"/>).</param>
    /// <param name="frames">The frames, in capture order.</param>
    /// <param name="origin">Where the frames come from, in French (for example "capture en direct sur lo").</param>
    /// <param name="snapLength">The snapshot length the frames were captured with.</param>
    public PacketTrace(int linkType, IReadOnlyList<CapturedFrame> frames, string origin, int snapLength = 262144)
    {
        ArgumentNullException.ThrowIfNull(frames);
        LinkType = linkType;
        Frames = frames;
        Origin = origin ?? "";
        SnapLength = snapLength;
    }

    /// <summary>The libpcap link type of the frames.</summary>
    public int LinkType { get; }

    /// <summary>The frames, in capture order.</summary>
    public IReadOnlyList<CapturedFrame> Frames { get; }

    /// <summary>Where the frames come from, in French.</summary>
    public string Origin { get; }

    /// <summary>The snapshot length (the most bytes kept per frame).</summary>
    public int SnapLength { get; }

    /// <summary>The number of frames.</summary>
    public int Count => Frames.Count;

    /// <summary>Writes the capture as a pcap file (microsecond timestamps), readable by Wireshark and tshark.</summary>
    public void WritePcap(string path)
    {
        using var stream = File.Create(path);
        PcapFormat.Write(stream, this);
    }

    /// <summary>Writes the capture in pcap format to a stream.</summary>
    public void WritePcap(Stream stream) => PcapFormat.Write(stream, this);

    /// <summary>Reads a pcap or pcapng file. Throws <see cref="InvalidDataException"/> (French message) when it is not a capture.</summary>
    public static PacketTrace Load(string path)
    {
        using var stream = File.OpenRead(path);
        return PcapFormat.Read(stream, $"fichier {Path.GetFileName(path)}");
    }

    /// <summary>Reads a pcap or pcapng capture from a stream. Throws <see cref="InvalidDataException"/> (French message) when it is not a capture.</summary>
    public static PacketTrace Load(Stream stream, string origin) => PcapFormat.Read(stream, origin);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count} paquet(s), {Capture.LinkType.Name(LinkType)}, {Origin}");
}
