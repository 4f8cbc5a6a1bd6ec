using NetCourse.Course;

namespace NetCourse.Tests.Course;

public class LiveResourcesTests
{
    private sealed class Probe : IAsyncDisposable
    {
        public bool Disposed { get; private set; }
        public ValueTask DisposeAsync() { Disposed = true; return ValueTask.CompletedTask; }
    }

    [Fact]
    public async Task Registering_a_name_again_stops_the_previous_resource()
    {
        var name = $"test-{Guid.NewGuid()}";
        var first = await LiveResources.ReplaceAsync(name, () => Task.FromResult(new Probe()));
        var second = await LiveResources.ReplaceAsync(name, () => Task.FromResult(new Probe()));

        Assert.True(first.Disposed);
        Assert.False(second.Disposed);
        await LiveResources.StopAsync(name);
        Assert.True(second.Disposed);
        Assert.DoesNotContain(name, LiveResources.Names);
    }
}
