namespace NetCourse.Tests.Architecture;

/// <summary>The cycles of a namespace graph: its strongly connected components of more than one namespace (Tarjan).</summary>
internal static class NamespaceCycles
{
    /// <summary>One line per cycle: its namespaces, and one use that closes it.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyDictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<string>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets.Keys : Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                    low[node] = Math.Min(low[node], nextIndex);
            }
            if (low[node] != index[node])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            if (component.Count > 1)
                cycles.Add(Describe(component, edges));
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(node))
                Visit(node);
        return cycles;
    }

    private static string Describe(List<string> component, IReadOnlyDictionary<string, Dictionary<string, string>> edges)
    {
        var inside = component.ToHashSet(StringComparer.Ordinal);
        var uses = component.Order(StringComparer.Ordinal)
            .SelectMany(from => edges[from].Where(to => inside.Contains(to.Key)).Select(to => $"{from} → {to.Key} (in {to.Value})"));
        return $"{string.Join(" ↔ ", component.Order(StringComparer.Ordinal))}: {string.Join("; ", uses)}";
    }
}
