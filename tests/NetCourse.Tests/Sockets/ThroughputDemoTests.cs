using System.Diagnostics;
using NetCourse.Sockets;

namespace NetCourse.Tests.Sockets;

public class ThroughputDemoTests
{
    [Fact]
    public async Task Every_byte_sent_is_received_and_counted()
    {
        var result = await ThroughputDemo.RunAsync(maxBytes: 50_000_000, maxTime: TimeSpan.FromSeconds(10));
        Assert.Equal(50_000_000, result.Bytes);
        Assert.True(result.GigabitsPerSecond > 0);
    }

    [Fact]
    public async Task The_time_bound_stops_the_run()
    {
        var watch = Stopwatch.StartNew();
        var result = await ThroughputDemo.RunAsync(maxBytes: 60_000_000_000, maxTime: TimeSpan.FromMilliseconds(300));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
        Assert.True(result.Bytes < 60_000_000_000);
        Assert.InRange(result.Seconds, 0.29, 2.5);
    }
}
