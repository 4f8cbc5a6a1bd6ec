using SharpPcap;
using SharpPcap.LibPcap;

namespace NetCourse.Capture;

/// <summary>
/// Reads pcap and pcapng files with SharpPcap (libpcap), one frame at a time: memory stays flat however long the
/// file is. <see cref="ReadRaw(string)"/> yields raw frames (Dissection's <c>CaptureFileDissector</c> dissects them).
/// </summary>
public static class CaptureFileReader
{
    /// <summary>Reads the raw frames of a capture file, streaming, throwing <see cref="CaptureFileException"/> (French message) when the file cannot be opened, or — after the frames before the damage — when it is truncated or damaged.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IEnumerable<RawFrame> ReadRaw(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new CaptureFileException($"Fichier introuvable : {path}");
        if (new FileInfo(path).Length == 0)
            throw new CaptureFileException($"Fichier vide, ce n'est pas une capture : {path}");
        CaptureFileReaderDevice device;
        try
        {
            device = new CaptureFileReaderDevice(path);
            device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Nanosecond });
        }
        catch (Exception e) when (e is PcapException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new CaptureFileException(OpenError(path, e), e);
        }
        try
        {
            var linkType = (int)device.LinkType;
            while (true)
            {
                GetPacketStatus status;
                SharpPcap.PacketCapture capture;
                try
                {
                    status = device.GetNextPacket(out capture);
                }
                catch (PcapException e)
                {
                    throw new CaptureFileException($"Capture tronquée ou abîmée après le paquet lu en dernier : {OneLine(e.Message)}", e);
                }
                if (status == GetPacketStatus.NoRemainingPackets)
                    yield break;
                if (status != GetPacketStatus.PacketRead)
                {
                    var error = OneLine(device.LastError);
                    throw new CaptureFileException(error.Contains("truncated", StringComparison.OrdinalIgnoreCase)
                        ? $"Capture tronquée au milieu d'un paquet, lecture arrêtée (libpcap : {error})"
                        : error.Length == 0 ? "Capture tronquée ou abîmée : la lecture s'arrête ici." : $"Capture tronquée ou abîmée : {error}");
                }
                var data = capture.Data.ToArray();
                var original = capture.Header is PcapHeader header ? (int)header.PacketLength : data.Length;
                yield return new RawFrame(data, linkType, capture.Header.Timeval.Value, Math.Max(original, data.Length));
            }
        }
        finally
        {
            device.Close();
        }
    }

    private static string OpenError(string path, Exception e)
    {
        if (e is not PcapException)
            return $"libpcap est introuvable (installez libpcap0.8) : {OneLine(e.Message)}";
        var message = OneLine(e.Message);
        if (message.Contains("unknown file format", StringComparison.OrdinalIgnoreCase) || message.Contains("bad dump file format", StringComparison.OrdinalIgnoreCase))
            return $"Ce n'est pas un fichier de capture pcap ou pcapng : {path}";
        if (message.Contains("truncated", StringComparison.OrdinalIgnoreCase))
            return $"Fichier de capture tronqué (en-tête incomplet) : {path}";
        return $"Impossible d'ouvrir la capture {path} : {message}";
    }

    private static string OneLine(string? text) => (text ?? "").Replace('\r', ' ').Replace('\n', ' ').Trim();
}
