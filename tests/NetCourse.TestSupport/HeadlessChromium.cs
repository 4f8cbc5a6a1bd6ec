using System.Text.RegularExpressions;
using PuppeteerSharp;

namespace NetCourse.TestSupport;

/// <summary>
/// Headless Chromium (Debian's <c>/usr/bin/chromium</c>, installed by <c>.ci/install</c>) driven by PuppeteerSharp, for
/// the tests that look at a page as a student's browser draws it. The browser may reach only this machine: names
/// resolve to nothing but 127.0.0.1, and every page made by <see cref="NewLoopbackPageAsync"/> aborts each request
/// whose address is not a loopback one (a chart's CDN, the kernel's bootstrap script), so a page that draws here draws
/// offline. <see cref="LaunchInNamespaceAsync"/> runs it inside a network namespace a test made instead, talking to the
/// test over a pipe (not a TCP port), so the browser sees that namespace's network and nothing else. Call
/// <see cref="Requires.Chromium"/> first, inside a <c>[SkippableFact]</c>.
/// </summary>
public static partial class HeadlessChromium
{
    /// <summary>Where <c>apt-get install chromium</c> puts the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>True when the browser is installed.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>
    /// Starts a headless browser with no sandbox (CI runs as root), no GPU, no background traffic (sync, component
    /// updates, first-run pages) and a host resolver that knows only 127.0.0.1. Dispose it to stop it.
    /// </summary>
    /// <param name="timeout">How long the browser may take to start and to answer each protocol call.</param>
    public static Task<IBrowser> LaunchAsync(TimeSpan? timeout = null) =>
        StartAsync(ExecutablePath, [.. Flags, LoopbackOnly], timeout, pipe: false);

    /// <summary>
    /// Starts the same headless browser inside network namespace <paramref name="networkNamespace"/> (root): a small
    /// script runs <c>ip netns exec NAME chromium</c>, and the DevTools protocol goes over the pipe PuppeteerSharp
    /// opens (file descriptors 3 and 4 survive both execs), so the test needs no route into the namespace. No resolver
    /// rule there: the namespace is the boundary, its only network is what the test built. Dispose it to stop it.
    /// </summary>
    /// <param name="networkNamespace">A namespace name made of letters, digits and dashes.</param>
    /// <param name="timeout">How long the browser may take to start and to answer each protocol call.</param>
    public static async Task<IBrowser> LaunchInNamespaceAsync(string networkNamespace, TimeSpan? timeout = null)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("les espaces de noms réseau n'existent que sous Linux");
        if (!SafeName().IsMatch(networkNamespace)) throw new ArgumentException($"nom d'espace de noms refusé : {networkNamespace}", nameof(networkNamespace));
        var folder = Directory.CreateTempSubdirectory("netcourse-chromium-ns").FullName;
        var wrapper = Path.Combine(folder, "chromium");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec ip netns exec {networkNamespace} {ExecutablePath} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            return await StartAsync(wrapper, Flags, timeout, pipe: true).ConfigureAwait(false);
        }
        finally
        {
            // The shell has exec'd ip, which exec'd Chromium: the script is no longer needed.
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>No sandbox (CI runs as root), no GPU, no background traffic (sync, component updates, first-run pages).</summary>
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>
    /// Every name and address but 127.0.0.1 resolves nowhere (literal addresses too). PuppeteerSharp joins the
    /// arguments into one command line: the one with spaces is quoted.
    /// </summary>
    private const string LoopbackOnly = "--host-resolver-rules=\"MAP * ~NOTFOUND,EXCLUDE 127.0.0.1\"";

    private static Task<IBrowser> StartAsync(string executable, string[] arguments, TimeSpan? timeout, bool pipe) =>
        Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Pipe = pipe,
            Args = arguments,
            Timeout = (int)(timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds,
            ProtocolTimeout = (int)(timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds * 3,
        });

    /// <summary>
    /// A new page of <paramref name="width"/> × <paramref name="height"/> pixels whose requests go through only when
    /// they address the loopback (or are <c>data:</c>/<c>blob:</c> URLs); every other one is aborted.
    /// </summary>
    /// <param name="browser">A browser from <see cref="LaunchAsync"/>.</param>
    /// <param name="width">Viewport width in CSS pixels (1280: the window the measures were taken in).</param>
    /// <param name="height">Viewport height in CSS pixels.</param>
    public static async Task<IPage> NewLoopbackPageAsync(IBrowser browser, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (IsLocal(e.Request.Url)) await e.Request.ContinueAsync();
            else await e.Request.AbortAsync();
        };
        return page;
    }

    /// <summary>True for a URL the page may load: loopback, <c>data:</c>, <c>blob:</c> or <c>about:</c>.</summary>
    /// <param name="url">The URL asked for.</param>
    public static bool IsLocal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" or "about" || uri.IsLoopback);

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SafeName();
}
