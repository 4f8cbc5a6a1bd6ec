using System.Diagnostics;
using NetCourse.Sockets;

namespace NetCourse.Tests.Reliability;

/// <summary>The throughput demo sends on blocking sockets: a cancellation must still end it at once.</summary>
public class ThroughputDemoCancellationTests
{
    [Fact]
    public async Task Cancelling_ends_a_long_run_within_a_second()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ThroughputDemo.RunAsync(maxBytes: 60_000_000_000, maxTime: TimeSpan.FromSeconds(20), cancellationToken: cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"{watch.Elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task Small_buffers_still_deliver_every_byte()
    {
        var result = await ThroughputDemo.RunAsync(maxBytes: 3_000_001, maxTime: TimeSpan.FromSeconds(20), bufferBytes: 1000);
        Assert.Equal(3_000_001, result.Bytes);
    }
}
