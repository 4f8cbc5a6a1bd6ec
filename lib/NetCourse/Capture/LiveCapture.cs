using System.Diagnostics;
using SharpPcap;
using SharpPcap.LibPcap;

namespace NetCourse.Capture;

/// <summary>
/// A capture running in the background on one interface (SharpPcap / libpcap). It stops by itself after
/// <see cref="LiveCaptureOptions.MaxPackets"/> packets or <see cref="LiveCaptureOptions.Timeout"/>, or when
/// <see cref="StopAsync"/> is called, and gives a <see cref="PacketTrace"/>. Typical use: start the capture, run the
/// exchange, then <c>await capture.StopAsync()</c>. In a notebook, start it through
/// <c>LiveResources.ReplaceAsync</c> so that re-running the cell or ending the kernel stops it.
/// </summary>
public sealed class LiveCapture : IAsyncDisposable
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMilliseconds(500);
    private readonly LibPcapLiveDevice _device;
    private readonly List<CapturedFrame> _frames = [];
    private readonly TaskCompletionSource<PacketTrace> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopRequested;
    private int _count;
    private long _bytes;

    private LiveCapture(LibPcapLiveDevice device, LiveCaptureOptions options)
    {
        _device = device;
        Options = options;
        LinkType = (int)device.LinkType;
        var thread = new Thread(Run) { IsBackground = true, Name = $"netcourse-capture-{options.Device}" };
        thread.Start();
    }

    /// <summary>What this capture listens to and when it stops.</summary>
    public LiveCaptureOptions Options { get; }

    /// <summary>The link type of the interface (1 = Ethernet, also for Linux's <c>lo</c>).</summary>
    public int LinkType { get; }

    /// <summary>How many packets have been captured so far.</summary>
    public int PacketCount => Volatile.Read(ref _count);

    /// <summary>True until the capture has stopped.</summary>
    public bool IsRunning => !_done.Task.IsCompleted;

    /// <summary>Packets the kernel dropped because the capture could not keep up (libpcap's statistics), known once stopped.</summary>
    public long KernelDropped { get; private set; }

    /// <summary>Why the capture stopped (in French), or empty while it runs.</summary>
    public string StopReason { get; private set; } = "";

    /// <summary>Completes with the capture when it stops (count, time, or <see cref="StopAsync"/>).</summary>
    public Task<PacketTrace> Completion => _done.Task;

    /// <summary>
    /// Opens <paramref name="options"/>.Device, sets the BPF filter and starts capturing in the background. Returns once
    /// packets are being captured, so that traffic sent afterwards is seen.
    /// </summary>
    /// <exception cref="ArgumentException">Bad options or a BPF filter that does not compile (French message).</exception>
    /// <exception cref="CaptureUnavailableException">Capture is impossible here (rights, libpcap, interface); says why and how to enable it.</exception>
    public static Task<LiveCapture> StartAsync(LiveCaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(options));
        return Task.Run(() => Start(options));
    }

    /// <summary>Starts a capture on <paramref name="device"/> with a BPF <paramref name="filter"/>, bounded by count and time.</summary>
    public static Task<LiveCapture> StartAsync(string device, string filter = "", int maxPackets = 1000, TimeSpan? timeout = null) =>
        StartAsync(new LiveCaptureOptions(device, filter, maxPackets, timeout));

    private static LiveCapture Start(LiveCaptureOptions options)
    {
        LibPcapLiveDevice? device;
        try
        {
            device = LibPcapLiveDeviceList.New().FirstOrDefault(d => d.Name == options.Device);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or PcapException)
        {
            throw new CaptureUnavailableException(CaptureProbe.Check(options.Device));
        }
        if (device is null)
            throw new CaptureUnavailableException(CaptureProbe.Check(options.Device));
        try
        {
            device.Open(new DeviceConfiguration
            {
                Mode = DeviceModes.MaxResponsiveness,
                ReadTimeout = 100,
                Snaplen = options.SnapLength,
                Immediate = true,
            });
        }
        catch (Exception)
        {
            device.Dispose();
            throw new CaptureUnavailableException(CaptureProbe.Check(options.Device));
        }
        try
        {
            if (!string.IsNullOrWhiteSpace(options.Filter))
                device.Filter = options.Filter;
        }
        catch (Exception e)
        {
            device.Close();
            device.Dispose();
            throw new ArgumentException($"filtre de capture (BPF) invalide « {options.Filter} » : {e.Message}", nameof(options), e);
        }
        return new LiveCapture(device, options);
    }

    private void Run()
    {
        var clock = Stopwatch.StartNew();
        var timeout = Options.EffectiveTimeout;
        TimeSpan? drainStart = null;
        string reason;
        try
        {
            while (true)
            {
                if (_count >= Options.MaxPackets) { reason = $"{Options.MaxPackets} paquet(s) capturé(s), le maximum demandé"; break; }
                if (_bytes >= Options.MaxBytes) { reason = $"taille maximale atteinte ({Options.MaxBytes / 1024} Kio capturés)"; break; }
                if (clock.Elapsed >= timeout) { reason = $"durée maximale atteinte ({timeout.TotalSeconds:0.#} s)"; break; }
                if (_stopRequested)
                {
                    drainStart ??= clock.Elapsed;
                    if (clock.Elapsed - drainStart >= DrainLimit) { reason = "arrêtée à la demande"; break; }
                }
                var status = _device.GetNextPacket(out var packet);
                if (status == GetPacketStatus.PacketRead)
                {
                    var time = packet.Header.Timeval;
                    var data = packet.Data.ToArray();
                    var raw = packet.GetPacket();
                    var nanos = checked((long)time.Seconds * 1_000_000_000L + (long)time.MicroSeconds * 1000L);
                    lock (_frames) _frames.Add(new CapturedFrame(nanos, Math.Max(raw.PacketLength, data.Length), data));
                    _bytes += data.Length;
                    Interlocked.Increment(ref _count);
                }
                else if (status == GetPacketStatus.ReadTimeout)
                {
                    // Nothing pending: when a stop was asked, everything sent before it has been read.
                    if (_stopRequested) { reason = "arrêtée à la demande"; break; }
                }
                else
                {
                    reason = $"erreur de capture : {_device.LastError}";
                    break;
                }
            }
        }
        catch (Exception e)
        {
            reason = $"erreur de capture : {e.Message}";
        }
        finally
        {
            try { KernelDropped = _device.Statistics?.DroppedPackets ?? 0; } catch (Exception) { /* statistics unavailable */ }
            try { _device.Close(); } catch (Exception) { /* already closed */ }
            try { _device.Dispose(); } catch (Exception) { /* already disposed */ }
        }
        if (KernelDropped > 0) reason += $" ; {KernelDropped} paquet(s) perdu(s) par le noyau Linux, capture trop lente";
        StopReason = reason;
        CapturedFrame[] frames;
        lock (_frames) frames = [.. _frames];
        var filter = string.IsNullOrWhiteSpace(Options.Filter) ? "" : $", filtre « {Options.Filter} »";
        _done.TrySetResult(new PacketTrace(LinkType, frames, $"capture en direct sur {Options.Device}{filter} ({reason})", Options.SnapLength));
    }

    /// <summary>
    /// Stops the capture after reading what the interface already holds (so packets of an exchange that just ended
    /// are all there), and returns it. Safe to call more than once.
    /// </summary>
    public Task<PacketTrace> StopAsync()
    {
        _stopRequested = true;
        return _done.Task;
    }

    /// <summary>Stops the capture (for <c>LiveResources</c> and <c>await using</c>).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsRunning ? $"capture en cours sur {Options.Device} : {PacketCount} paquet(s)" : $"capture terminée sur {Options.Device} : {PacketCount} paquet(s), {StopReason}";
}
