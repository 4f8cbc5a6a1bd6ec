using NetCourse.Html;

namespace NetCourse.Capture;

/// <summary>
/// A chapter's capture: live when this machine allows it, otherwise a recorded capture from <c>data/</c> that shows the
/// same thing — every chapter works without root. It shows itself as a banner that says which one it is and, when it
/// is not live, exactly why and how to enable live capture. Start it through <c>LiveResources.ReplaceAsync</c>.
/// </summary>
public sealed class CaptureSession : IAsyncDisposable, IHtmlView
{
    /// <summary>Set this environment variable to 1 to force the recorded captures (to try the fallback as root).</summary>
    public const string DisableVariable = "NETCOURSE_NO_CAPTURE";

    private readonly LiveCapture? _live;

    private CaptureSession(LiveCapture? live, CaptureStatus status, string fallbackFile, LiveCaptureOptions options)
    {
        _live = live;
        Status = status;
        FallbackFile = fallbackFile;
        Options = options;
    }

    /// <summary>True when packets are being captured live; false when the recorded capture will be used.</summary>
    public bool IsLive => _live is not null;

    /// <summary>Whether live capture works here, and if not why and how to enable it.</summary>
    public CaptureStatus Status { get; }

    /// <summary>The recorded capture used when live capture is impossible (a file name in <c>data/</c>).</summary>
    public string FallbackFile { get; }

    /// <summary>The live capture's options.</summary>
    public LiveCaptureOptions Options { get; }

    /// <summary>The live capture, or null in fallback mode.</summary>
    public LiveCapture? Live => _live;

    /// <summary>Starts a live capture, or prepares the fallback <paramref name="fallbackFile"/> when capture is impossible.</summary>
    /// <exception cref="ArgumentException">Bad options, a BPF filter that does not compile, or an unknown fallback file (French message).</exception>
    public static async Task<CaptureSession> StartAsync(LiveCaptureOptions options, string fallbackFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (CourseData.FindFile(fallbackFile) is null && !CourseData.EmbeddedNames.Contains(fallbackFile))
            throw new ArgumentException($"capture de secours inconnue : data/{fallbackFile}.", nameof(fallbackFile));
        if (Environment.GetEnvironmentVariable(DisableVariable) == "1")
        {
            var disabled = new CaptureStatus(false, options.Device, $"capture en direct désactivée ({DisableVariable}=1).",
                $"Retirez la variable d'environnement {DisableVariable} pour capturer en direct.");
            return new CaptureSession(null, disabled, fallbackFile, options);
        }
        try
        {
            var live = await LiveCapture.StartAsync(options).ConfigureAwait(false);
            return new CaptureSession(live, new CaptureStatus(true, options.Device, $"capture en direct sur {options.Device}.", ""), fallbackFile, options);
        }
        catch (CaptureUnavailableException e)
        {
            return new CaptureSession(null, e.Status, fallbackFile, options);
        }
    }

    /// <summary>Starts a capture on <paramref name="device"/> with a BPF filter, bounded by count and time, falling back to <paramref name="fallbackFile"/>.</summary>
    public static Task<CaptureSession> StartAsync(string device, string filter, string fallbackFile, int maxPackets = 200, TimeSpan? timeout = null) =>
        StartAsync(new LiveCaptureOptions(device, filter, maxPackets, timeout ?? TimeSpan.FromSeconds(30)), fallbackFile);

    /// <summary>Stops the live capture and returns it — or returns the recorded capture in fallback mode.</summary>
    public async Task<PacketTrace> StopAsync() =>
        _live is not null ? await _live.StopAsync().ConfigureAwait(false) : CourseData.Load(FallbackFile);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        if (IsLive)
        {
            var filter = string.IsNullOrWhiteSpace(Options.Filter) ? "tout le trafic" : $"filtre <code>{HtmlText.Encode(Options.Filter)}</code>";
            return $"<div style=\"border-left:6px solid #2e7d32;background:#e8f5e9;padding:6px 10px;font-family:sans-serif\">"
                + $"<b>Capture en direct</b> sur <code>{HtmlText.Encode(Options.Device)}</code> ({filter}) : au plus {Options.MaxPackets} paquets, "
                + $"au plus {Options.EffectiveTimeout.TotalSeconds:0} s. Les paquets des cellules suivantes sont enregistrés.</div>";
        }
        return "<div style=\"border-left:6px solid #e65100;background:#fff3e0;padding:6px 10px;font-family:sans-serif\">"
            + $"<b>Pas de capture en direct</b> : {HtmlText.Encode(Status.Reason)}<br>"
            + (Status.HowToEnable.Length > 0 ? $"Pour capturer en direct : {HtmlText.Encode(Status.HowToEnable)}<br>" : "")
            + $"À la place, le chapitre utilise la capture enregistrée <code>data/{HtmlText.Encode(FallbackFile)}</code>, faite par "
            + "<code>data/make-captures.sh</code> : elle montre le même échange.</div>";
    }

    /// <inheritdoc />
    public override string ToString() =>
        IsLive ? $"capture en direct sur {Options.Device}" : $"pas de capture en direct ({Status.Reason}) : capture enregistrée data/{FallbackFile}";
}
