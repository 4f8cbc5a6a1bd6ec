using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Sockets;

/// <summary>Measures TCP round trips on the loopback (127.0.0.1): a tiny echo, bounded in count and time.</summary>
public static class LoopbackLatency
{
    /// <summary>Sends <paramref name="count"/> 32-byte messages to a private echo on 127.0.0.1 and times each round trip.</summary>
    /// <returns>The round-trip times in milliseconds, in order.</returns>
    public static async Task<double[]> MeasureAsync(int count = 20, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 100_000);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        var token = bound.Token;

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var echo = Task.Run(async () =>
        {
            using var peer = await listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
            peer.NoDelay = true;
            var stream = peer.GetStream();
            var buffer = new byte[32];
            for (var i = 0; i < count; i++)
            {
                await stream.ReadExactlyAsync(buffer, token).ConfigureAwait(false);
                await stream.WriteAsync(buffer, token).ConfigureAwait(false);
            }
        }, token);

        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, token).ConfigureAwait(false);
        var stream = client.GetStream();
        var message = new byte[32];
        var reply = new byte[32];
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await stream.WriteAsync(message, token).ConfigureAwait(false);
            await stream.ReadExactlyAsync(reply, token).ConfigureAwait(false);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        await echo.ConfigureAwait(false);
        return times;
    }
}
