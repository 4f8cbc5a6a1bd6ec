using System.Net;
using NetCourse.Capture;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;
using LinkType = NetCourse.Capture.LinkType;
using PacketTrace = NetCourse.Capture.PacketTrace;

namespace NetCourse.Dissection;

/// <summary>
/// Sends a hand-built Ethernet frame on the loopback interface and captures it back (root or capture rights),
/// bounded in time and packets; without those rights, writes it to a pcap file and reads it back — either way the
/// result is dissected. Only frames whose IP destination is a loopback address are ever sent.
/// </summary>
public static class LoopbackRoundTrip
{
    /// <summary>
    /// Sends <paramref name="frame"/> once on <c>lo</c> and captures what matches <paramref name="captureFilter"/>
    /// (at most <paramref name="maxPackets"/> packets, at most <paramref name="timeout"/>); falls back to a pcap file.
    /// </summary>
    /// <param name="frame">An Ethernet frame carrying IPv4 or IPv6 to a loopback address.</param>
    /// <param name="captureFilter">The BPF filter of the capture (for example "tcp port 12807").</param>
    /// <param name="maxPackets">At most this many packets are captured (1–100).</param>
    /// <param name="timeout">The capture stops after this long (at most 30 s; default 3 s).</param>
    /// <param name="cancellationToken">Stops waiting early.</param>
    /// <exception cref="ArgumentException">The frame is not Ethernet/IP to a loopback address (French message).</exception>
    public static Task<RoundTripResult> SendAndCaptureAsync(EthernetPacket frame, string captureFilter, int maxPackets = 5,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SendAndCaptureAsync(frame, captureFilter, maxPackets, timeout, allowLive: true, cancellationToken);

    /// <summary>As the public overload; <paramref name="allowLive"/> false forces the pcap path (tests).</summary>
    internal static async Task<RoundTripResult> SendAndCaptureAsync(EthernetPacket frame, string captureFilter, int maxPackets,
        TimeSpan? timeout, bool allowLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(captureFilter);
        if (frame.PayloadPacket is not IPPacket ip)
            throw new ArgumentException("La trame doit transporter un paquet IP.", nameof(frame));
        if (!IPAddress.IsLoopback(ip.DestinationAddress))
            throw new ArgumentException($"Le cours n'envoie des paquets qu'à la boucle locale : {ip.DestinationAddress} n'en fait pas partie.", nameof(frame));
        var limit = timeout ?? TimeSpan.FromSeconds(3);
        if (limit <= TimeSpan.Zero || limit > TimeSpan.FromSeconds(30))
            throw new ArgumentException("La durée de capture doit être comprise entre 0 et 30 s.", nameof(timeout));
        if (maxPackets is < 1 or > 100)
            throw new ArgumentException("Le nombre de paquets capturés doit être compris entre 1 et 100.", nameof(maxPackets));
        var bytes = frame.Bytes;

        var reason = "";
        if (!allowLive)
        {
            reason = "capture en direct non demandée.";
        }
        else if (Environment.GetEnvironmentVariable(CaptureSession.DisableVariable) == "1")
        {
            reason = $"capture en direct désactivée ({CaptureSession.DisableVariable}=1).";
        }
        else
        {
            LiveCapture? live = null;
            try
            {
                live = await LiveCapture.StartAsync(new LiveCaptureOptions("lo", captureFilter, maxPackets, limit)).ConfigureAwait(false);
            }
            catch (CaptureUnavailableException e)
            {
                reason = e.Status.ToString();
            }
            if (live is not null)
            {
                await using (live.ConfigureAwait(false))
                {
                    var sent = Inject(bytes);
                    if (sent is null)
                    {
                        try { await Task.WhenAny(live.Completion, Task.Delay(limit, cancellationToken)).ConfigureAwait(false); }
                        catch (OperationCanceledException) { }
                        var captured = await live.StopAsync().ConfigureAwait(false);
                        var packets = Dissect(captured);
                        if (packets.Count == 0)
                        {
                            reason = $"la capture sur lo n'a rien vu en {limit.TotalSeconds:0.#} s (filtre « {captureFilter} »)";
                            return WriteAndReadBack(bytes, reason);
                        }
                        return new RoundTripResult(true,
                            $"trame envoyée sur lo puis capturée (filtre « {captureFilter} ») : {packets.Count} paquet(s) en {limit.TotalSeconds:0.#} s au plus.",
                            captured, packets, null);
                    }
                    reason = sent;
                    await live.StopAsync().ConfigureAwait(false);
                }
            }
        }

        return WriteAndReadBack(bytes, reason);
    }

    private static RoundTripResult WriteAndReadBack(byte[] bytes, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"netcourse-couches-{Environment.ProcessId}.pcap");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L;
        var capture = new PacketTrace(LinkType.Ethernet, [new CapturedFrame(now, bytes.Length, bytes)], path);
        capture.WritePcap(path);
        var readBack = PacketTrace.Load(path);
        return new RoundTripResult(false,
            $"pas de capture en direct ({reason.Trim().TrimEnd('.')}) ; la trame est écrite dans {path} puis relue et disséquée.",
            readBack, Dissect(readBack), path);
    }

    /// <summary>Sends the bytes once on lo; returns null on success, else the French reason.</summary>
    private static string? Inject(byte[] bytes)
    {
        try
        {
            using var device = LibPcapLiveDeviceList.New().FirstOrDefault(d => d.Name == "lo");
            if (device is null) return "l'interface lo est introuvable.";
            device.Open(new DeviceConfiguration { Mode = DeviceModes.None, ReadTimeout = 100 });
            try
            {
                device.SendPacket(bytes);
            }
            finally
            {
                device.Close();
            }
            return null;
        }
        catch (Exception e) when (e is PcapException or DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return $"envoi impossible sur lo : {e.Message}";
        }
    }

    private static List<DissectedPacket> Dissect(PacketTrace capture) => CaptureLayers.Dissect(capture).ToList();
}
