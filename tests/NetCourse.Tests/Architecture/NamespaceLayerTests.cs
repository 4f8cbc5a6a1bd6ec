using NetCourse.Html;

namespace NetCourse.Tests.Architecture;

/// <summary>
/// The library's namespaces form layers (ARCHITECTURE.md): a namespace may use only namespaces of lower layers, and
/// no set of namespaces may use each other in a cycle. Read from the compiled NetCourse.dll, so a using that the
/// code does not need changes nothing, and a fully qualified name cannot slip past.
/// </summary>
public class NamespaceLayerTests
{
    /// <summary>Lowest first. A namespace belongs to the layer of its first two parts (NetCourse.Dissection.X is Dissection).</summary>
    internal static readonly string[][] Layers =
    [
        ["NetCourse.Html", "NetCourse.Platform"],
        ["NetCourse.Addressing"],
        ["NetCourse.Ports"],
        ["NetCourse.Sockets"],
        ["NetCourse.Capture"],
        ["NetCourse.Dissection"],
        ["NetCourse.Lab", "NetCourse.Classroom"],
        ["NetCourse.Course"],
    ];

    private static NamespaceGraph Library() => NamespaceGraph.Read(typeof(IHtmlView).Assembly.Location, "NetCourse");

    [Fact]
    public void Every_namespace_has_a_layer()
    {
        var graph = Library();
        var namespaces = graph.Edges.Keys.Concat(graph.Edges.Values.SelectMany(v => v.Keys))
            .Concat(typeof(IHtmlView).Assembly.GetTypes().Select(t => t.Namespace ?? ""))
            .Where(n => n.StartsWith("NetCourse", StringComparison.Ordinal))
            .Distinct();

        var homeless = namespaces.Where(n => LayerOf(n) < 0).Order(StringComparer.Ordinal).ToArray();

        Assert.True(homeless.Length == 0,
            $"Namespaces without a layer: {string.Join(", ", homeless)}. Add each to {nameof(Layers)} and to ARCHITECTURE.md.");
    }

    [Fact]
    public void No_namespace_uses_a_higher_or_sibling_layer()
    {
        var wrong = Library().Edges
            .SelectMany(e => e.Value.Select(to => (From: e.Key, To: to.Key, Where: to.Value)))
            .Where(e => LayerOf(e.From) >= 0 && LayerOf(e.To) >= 0 && Unit(e.From) != Unit(e.To) && LayerOf(e.To) >= LayerOf(e.From))
            .Select(e => $"{e.From} → {e.To} (in {e.Where})")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(wrong.Length == 0, "A lower layer uses a higher one:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_namespace_cycle()
    {
        var cycles = NamespaceCycles.Find(Library().Edges);

        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_reader_sees_uses_in_signatures_bodies_and_generic_arguments()
    {
        var edges = Library().Edges;

        // Signature: Dissection's views return IHtmlView's HTML; body: Addressing calls Platform's NamespaceThread;
        // generic argument: Course's LayerQuiz keeps an IReadOnlyList of Dissection's packets.
        Assert.Contains("NetCourse.Html", edges["NetCourse.Dissection"].Keys);
        Assert.Contains("NetCourse.Platform", edges["NetCourse.Addressing"].Keys);
        Assert.Contains("NetCourse.Dissection", edges["NetCourse.Course"].Keys);
    }

    private static string Unit(string ns) => string.Join('.', ns.Split('.').Take(2));

    private static int LayerOf(string ns) => Array.FindIndex(Layers, layer => layer.Contains(Unit(ns), StringComparer.Ordinal));
}
