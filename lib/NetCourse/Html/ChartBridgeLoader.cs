using System.Reflection;
using System.Runtime.Loader;

namespace NetCourse.Html;

/// <summary>
/// Loads the Plotly.NET bridge (NetCourse.Charts.dll and its own FSharp.Core) into a private AssemblyLoadContext,
/// because the .NET Interactive kernel already holds an older FSharp.Core that Plotly.NET cannot use.
/// </summary>
internal static class ChartBridgeLoader
{
    private const string BridgeAssemblyFile = "NetCourse.Charts.dll";
    private static readonly Lazy<BridgeMethods?> Bridge = new(Load);
    private static string? _loadError;

    /// <summary>Why the bridge could not be loaded, in French (null when it loaded).</summary>
    public static string? Error => Bridge.Value is null ? _loadError : null;

    public static string FigureJson(string specJson) => Invoke(b => b.FigureJson, specJson);

    public static string PlotlyJavaScript() => Invoke(b => b.PlotlyJavaScript);

    private static string Invoke(Func<BridgeMethods, MethodInfo> pick, params object[] args)
    {
        var bridge = Bridge.Value ?? throw new InvalidOperationException(_loadError);
        try
        {
            return (string)pick(bridge).Invoke(null, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>Where the bridge may be: beside this assembly (CLI, tests) or at the NuGet package's root (kernel).</summary>
    internal static IEnumerable<string> CandidateFolders()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("NETCOURSE_CHARTS_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment)) yield return fromEnvironment;
        var here = Path.GetDirectoryName(typeof(ChartBridgeLoader).Assembly.Location) ?? AppContext.BaseDirectory;
        yield return Path.Combine(here, "charts");
        yield return Path.GetFullPath(Path.Combine(here, "..", "..", "charts")); // <package>/lib/net10.0 → <package>/charts
        yield return Path.Combine(AppContext.BaseDirectory, "charts");
    }

    private static BridgeMethods? Load()
    {
        var folder = CandidateFolders().FirstOrDefault(f => File.Exists(Path.Combine(f, BridgeAssemblyFile)));
        if (folder is null)
        {
            _loadError = "Graphiques indisponibles : NetCourse.Charts.dll est introuvable (cherché dans "
                        + string.Join(", ", CandidateFolders()) + "). Reconstruisez avec `dotnet build NetCourse.sln`.";
            return null;
        }
        try
        {
            var context = new BridgeLoadContext(Path.Combine(folder, BridgeAssemblyFile));
            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, BridgeAssemblyFile));
            var type = assembly.GetType("NetCourse.Charts.ChartBridge", throwOnError: true)!;
            return new BridgeMethods(
                type.GetMethod("FigureJson", BindingFlags.Public | BindingFlags.Static)!,
                type.GetMethod("PlotlyJavaScript", BindingFlags.Public | BindingFlags.Static)!);
        }
        catch (Exception e)
        {
            _loadError = $"Graphiques indisponibles : le pont Plotly.NET n'a pas pu être chargé ({e.GetType().Name}: {e.Message}).";
            return null;
        }
    }

    private sealed record BridgeMethods(MethodInfo FigureJson, MethodInfo PlotlyJavaScript);

    private sealed class BridgeLoadContext(string mainAssemblyPath) : AssemblyLoadContext("NetCourse.Charts", isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Everything the bridge ships (Plotly.NET, FSharp.Core 10.1, ...) comes from its folder; the rest
            // (System.*) falls through to the default context.
            var path = _resolver.ResolveAssemblyToPath(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
