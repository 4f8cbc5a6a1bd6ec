using PuppeteerSharp;

namespace NetCourse.TestSupport;

/// <summary>
/// Headless Chromium (Debian's <c>/usr/bin/chromium</c>, installed by <c>.ci/install</c>) driven by PuppeteerSharp, for
/// the tests that look at a page as a student's browser draws it. The browser may reach only this machine: names
/// resolve to nothing but 127.0.0.1, and every page made by <see cref="NewLoopbackPageAsync"/> aborts each request
/// whose address is not a loopback one (a chart's CDN, the kernel's bootstrap script), so a page that draws here draws
/// offline. Call <see cref="Requires.Chromium"/> first, inside a <c>[SkippableFact]</c>.
/// </summary>
public static class HeadlessChromium
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
        Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                // PuppeteerSharp joins the arguments into one command line: quote the one with spaces.
                "--host-resolver-rules=\"MAP * ~NOTFOUND,EXCLUDE 127.0.0.1\"",
            ],
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
}
