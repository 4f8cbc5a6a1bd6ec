using System.Net;
using System.Net.Sockets;
using NetCourse.Capture;

namespace NetCourse.Tests.Capture;

/// <summary>The demo's web server: it stops cleanly whenever it is disposed, even right after serving a client.</summary>
public class LoopbackFormServerTests
{
    [Fact]
    public async Task Disposing_right_after_a_client_left_stops_it_without_error_and_frees_the_port()
    {
        // The server goes back to accepting as soon as a client leaves; a dispose at that moment once made the accept
        // throw "Not listening" (seen in CI). Many short rounds make that moment likely; each is bounded.
        for (var round = 0; round < 300; round++)
        {
            var server = LoopbackFormServer.Start(maxConnections: 4, lifetime: TimeSpan.FromSeconds(30));
            var port = server.Port;
            using (var client = new TcpClient())
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                var stream = client.GetStream();
                client.Client.Shutdown(SocketShutdown.Send);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                // The server reads end of stream before a request, closes that connection and accepts again.
                Assert.Equal(0, await stream.ReadAsync(new byte[16], wait.Token));
            }
            await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            using var late = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(IPAddress.Loopback, port));
        }
    }
}
