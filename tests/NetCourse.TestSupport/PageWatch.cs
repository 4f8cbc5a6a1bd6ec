using PuppeteerSharp;

namespace NetCourse.TestSupport;

/// <summary>
/// What went wrong in a page while a test drove it: uncaught script errors, console errors, dialogs (an
/// <c>alert</c> means someone's script ran) and requests for anything the test did not allow, which are aborted
/// (the page is meant to work offline). Attach it before the page loads.
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> _problems = [];
    private readonly List<string> _blocked = [];
    private readonly Func<Uri, bool> _mayLoad;

    private PageWatch(Func<Uri, bool> mayLoad) => _mayLoad = mayLoad;

    /// <summary>Script errors, console errors and dialogs, in order (blocked requests are in <see cref="Blocked"/>).</summary>
    public IReadOnlyList<string> Problems
    {
        get { lock (_problems) return [.. _problems]; }
    }

    /// <summary>The URLs the page asked for and did not get, because the test did not allow them.</summary>
    public IReadOnlyList<string> Blocked
    {
        get { lock (_problems) return [.. _blocked]; }
    }

    /// <summary>Watches <paramref name="page"/>; only <c>data:</c>/<c>blob:</c> URLs and those <paramref name="mayLoad"/> accepts are loaded.</summary>
    /// <param name="page">The page, before it navigates.</param>
    /// <param name="mayLoad">Which URLs the page may load.</param>
    public static async Task<PageWatch> AttachAsync(IPage page, Func<Uri, bool> mayLoad)
    {
        ArgumentNullException.ThrowIfNull(page);
        var watch = new PageWatch(mayLoad);
        await page.SetRequestInterceptionAsync(true).ConfigureAwait(false);
        page.Request += async (_, e) =>
        {
            var uri = new Uri(e.Request.Url);
            if (uri.Scheme is "data" or "blob" || watch._mayLoad(uri))
            {
                await e.Request.ContinueAsync().ConfigureAwait(false);
                return;
            }
            lock (watch._problems) watch._blocked.Add(e.Request.Url);
            await e.Request.AbortAsync().ConfigureAwait(false);
        };
        page.PageError += (_, e) => watch.Add($"erreur de script : {e.Message}");
        page.Console += (_, e) =>
        {
            // A request the test blocked on purpose logs « Failed to load resource »: it is in Blocked already.
            if (e.Message.Type == ConsoleType.Error && !(e.Message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                    && watch.Blocked.Contains(e.Message.Location?.URL ?? "")))
                watch.Add($"erreur dans la console : {e.Message.Text} ({e.Message.Location?.URL})");
        };
        page.Dialog += async (_, e) =>
        {
            watch.Add($"boîte de dialogue {e.Dialog.DialogType} : {e.Dialog.Message}");
            await e.Dialog.Dismiss().ConfigureAwait(false);
        };
        return watch;
    }

    private void Add(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }
}
