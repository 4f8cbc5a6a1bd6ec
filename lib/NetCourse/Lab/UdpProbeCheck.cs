using System.Globalization;
using NetCourse.Capture;
using NetCourse.Platform;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetCourse.Lab;

/// <summary>
/// Sends a UDP probe built by a student with PacketDotNet and reads back the kernel's answer. With root, the frame is
/// injected on the loopback of a throw-away network namespace whose <c>lo</c> has <c>accept_local=1</c> and
/// <c>route_localnet=1</c> (a frame injected through libpcap carries no route, so the kernel checks both: its
/// source 127.0.0.1 is a local address, its destination is loopback) — the machine's own settings never change. Nothing
/// listens there, so a well-formed probe gets ICMP « port unreachable »; the capture of that namespace's <c>lo</c> and
/// its counters (/proc/net/snmp) say what the kernel did. Without root, the frame is written to a pcap file, read back
/// and checked byte by byte. Bounded (1.5 s of capture); never throws.
/// </summary>
public static class UdpProbeCheck
{
    private static readonly TimeSpan Listen = TimeSpan.FromSeconds(1.5);

    /// <summary>The namespace's settings that let the kernel accept a frame from 127.0.0.1 to 127.0.0.1 injected on lo.</summary>
    public static IReadOnlyList<string> LoopbackSettings { get; } = ["net.ipv4.conf.lo.accept_local=1", "net.ipv4.conf.lo.route_localnet=1"];

    /// <summary>Sends <paramref name="frame"/> (Ethernet, IPv4, UDP to a loopback address) and reports what came back.</summary>
    public static Task<UdpProbeReport> SendAsync(EthernetPacket? frame)
    {
        if (frame is null)
            return Task.FromResult(UdpProbeReport.NotSent(null, "Il n'y a pas de trame : construisez-la (EthernetPacket) puis passez-la à UdpProbeCheck.SendAsync."));
        byte[] bytes;
        try
        {
            bytes = frame.Bytes;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or IndexOutOfRangeException)
        {
            return Task.FromResult(UdpProbeReport.NotSent(null, $"PacketDotNet n'a pas pu assembler la trame : {e.Message}"));
        }
        return SendAsync(bytes, allowLive: true);
    }

    /// <summary>As <see cref="SendAsync(EthernetPacket)"/>, from the frame's bytes; <paramref name="allowLive"/> false forces the pcap path.</summary>
    internal static async Task<UdpProbeReport> SendAsync(byte[] frame, bool allowLive)
    {
        var wire = UdpProbeWire.Read(frame);
        if (wire.Destination is null || !System.Net.IPAddress.IsLoopback(wire.Destination))
            return UdpProbeReport.NotSent(wire, "La sonde n'est pas envoyée : " + string.Join(" ", wire.Problems));
        var why = !allowLive ? "envoi en direct non demandé"
            : Environment.GetEnvironmentVariable(CaptureSession.DisableVariable) == "1" ? $"envoi en direct désactivé ({CaptureSession.DisableVariable}=1)"
            : !Environment.IsPrivilegedProcess ? "il faut être root pour créer l'espace de noms réseau où l'envoyer"
            : null;
        if (why is null)
        {
            var (result, error) = await NamespaceThread.RunAsync(() => InjectAndCapture(frame), [], LoopbackSettings, TimeSpan.FromSeconds(8)).ConfigureAwait(false);
            if (result is { Error: null })
                return UdpProbeReport.Sent(wire, Trace(result.Frames, "capture de lo dans un espace de noms jetable"), CounterChanges(result.Before, result.After));
            why = error ?? result?.Error;
        }
        return UdpProbeReport.Offline(wire, Trace([new CapturedFrame(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L, frame.Length, frame)],
            "sonde écrite dans un fichier pcap puis relue"), why ?? "");
    }

    private static PacketTrace Trace(IReadOnlyList<CapturedFrame> frames, string origin)
    {
        var path = Path.Combine(Path.GetTempPath(), $"netcourse-sonde-udp-{Environment.ProcessId}.pcap");
        var trace = new PacketTrace(LinkType.Ethernet, frames, origin);
        try
        {
            trace.WritePcap(path);
            return PacketTrace.Load(path);
        }
        catch (IOException)
        {
            return trace;
        }
    }

    /// <summary>Runs on a thread inside the namespace: capture its lo, inject the frame, listen 1.5 s, read the counters around it.</summary>
    private static Injection InjectAndCapture(byte[] frame)
    {
        var frames = new List<CapturedFrame>();
        var before = Counters();
        try
        {
            // A fresh list, read from this thread: it sees the namespace's own lo.
            using var device = LibPcapLiveDeviceList.New().FirstOrDefault(d => d.Name == "lo");
            if (device is null) return new Injection(frames, before, before, "l'interface lo de l'espace de noms est introuvable.");
            device.Open(new DeviceConfiguration { Mode = DeviceModes.None, ReadTimeout = 100, Snaplen = 512 });
            try
            {
                device.Filter = "udp or icmp";
                device.SendPacket(frame);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                while (watch.Elapsed < Listen)
                {
                    var status = device.GetNextPacket(out var capture);
                    if (status != GetPacketStatus.PacketRead) continue;
                    var raw = capture.GetPacket();
                    frames.Add(new CapturedFrame((long)raw.Timeval.Seconds * 1_000_000_000 + (long)raw.Timeval.MicroSeconds * 1000, raw.PacketLength, raw.Data));
                    if (frames.Count >= 10 || (raw.Data.Length > 14 + 9 && raw.Data[14 + 9] == 1)) break;
                }
            }
            finally
            {
                device.Close();
            }
        }
        catch (Exception e) when (e is PcapException or DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return new Injection(frames, before, before, $"capture ou envoi impossible sur lo : {e.Message}");
        }
        return new Injection(frames, before, Counters(), null);
    }

    /// <summary>The kernel's IP, ICMP and UDP counters of this thread's namespace (/proc/thread-self/net/snmp).</summary>
    private static Dictionary<string, long> Counters()
    {
        var counters = new Dictionary<string, long>();
        try
        {
            var lines = File.ReadAllLines("/proc/thread-self/net/snmp");
            for (var i = 0; i + 1 < lines.Length; i += 2)
            {
                var names = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var values = lines[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var j = 1; j < Math.Min(names.Length, values.Length); j++)
                    if (long.TryParse(values[j], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                        counters[names[0].TrimEnd(':') + " " + names[j]] = v;
            }
        }
        catch (IOException)
        {
            // Counters only enrich the feedback.
        }
        return counters;
    }

    private static string[] CounterChanges(Dictionary<string, long> before, Dictionary<string, long> after)
    {
        string[] watched = ["Ip InReceives", "Ip InHdrErrors", "Ip InAddrErrors", "Ip InDiscards", "Ip InCsumErrors", "Ip InTruncatedPkts",
            "Udp InDatagrams", "Udp NoPorts", "Udp InErrors", "Udp InCsumErrors", "Icmp OutMsgs", "Icmp OutDestUnreachs"];
        return watched.Where(k => after.GetValueOrDefault(k) != before.GetValueOrDefault(k))
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k} +{after.GetValueOrDefault(k) - before.GetValueOrDefault(k)}")).ToArray();
    }

    private sealed record Injection(List<CapturedFrame> Frames, Dictionary<string, long> Before, Dictionary<string, long> After, string? Error);
}
