using System.Collections.Concurrent;

namespace NetCourse.Course;

/// <summary>
/// Everything a cell leaves running (servers, captures, the lab) is registered here under a name. Registering a
/// name again stops what had that name first — so re-running a cell restarts its server instead of failing on
/// "address already in use" — and everything stops when the kernel (or the process) ends.
/// </summary>
public static class LiveResources
{
    private static readonly ConcurrentDictionary<string, IAsyncDisposable> Running = new();

    static LiveResources()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>The names of what is running now.</summary>
    public static IReadOnlyCollection<string> Names => Running.Keys.ToArray();

    /// <summary>Stops what runs under <paramref name="name"/>, then starts a new resource with <paramref name="start"/> and registers it under that name.</summary>
    /// <returns>The resource, for chaining.</returns>
    public static async Task<T> ReplaceAsync<T>(string name, Func<Task<T>> start) where T : IAsyncDisposable
    {
        await StopAsync(name).ConfigureAwait(false);
        var resource = await start().ConfigureAwait(false);
        if (!Running.TryAdd(name, resource))
        {
            await StopAsync(name).ConfigureAwait(false);
            Running[name] = resource;
        }
        return resource;
    }

    /// <summary>What runs under <paramref name="name"/> when it is a <typeparamref name="T"/> (the chapter's lab, for an exercise), else null.</summary>
    public static T? Find<T>(string name) where T : class =>
        Running.TryGetValue(name, out var resource) ? resource as T : null;

    /// <summary>Stops and forgets what runs under <paramref name="name"/> (nothing happens if nothing does).</summary>
    public static async ValueTask StopAsync(string name)
    {
        if (Running.TryRemove(name, out var resource))
            await SafeDisposeAsync(resource).ConfigureAwait(false);
    }

    /// <summary>Stops everything (kernel shutdown, end of a chapter).</summary>
    public static async ValueTask StopAllAsync()
    {
        foreach (var name in Running.Keys.ToArray())
            await StopAsync(name).ConfigureAwait(false);
    }

    private static async ValueTask SafeDisposeAsync(IAsyncDisposable resource)
    {
        try
        {
            await resource.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A resource that fails to stop must not keep the others running nor crash the kernel.
        }
    }
}
