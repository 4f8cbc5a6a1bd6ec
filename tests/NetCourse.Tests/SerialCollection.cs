namespace NetCourse.Tests;

/// <summary>
/// Tests that must not share the 2 cores with the rest of the suite run in this collection, alone (xunit runs a
/// collection with parallelisation disabled after the parallel ones): the load tests (1 000 clients at once, 1 000 000
/// fuzzed frames), which would otherwise starve other tests, and the tests whose assertions are about queueing in time
/// (a one-at-a-time server makes clients wait in turn; a silent client is cut off by the idle timer), which such load
/// made flaky.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "An xUnit collection definition: the suffix is xUnit's convention.")]
public sealed class SerialCollection
{
    /// <summary>The collection's name, for <c>[Collection(SerialCollection.Name)]</c>.</summary>
    public const string Name = "Serial: load and timing";
}
