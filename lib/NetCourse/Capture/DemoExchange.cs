using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetCourse.Capture;

/// <summary>
/// The source's client–server exchange, on the loopback, to capture: a server listens on 127.0.0.1, accepts one
/// client, echoes its message and closes; the client connects, sends, reads the echo and closes first. Bounded by a
/// timeout; never leaves a socket open.
/// </summary>
public static class DemoExchange
{
    /// <summary>
    /// <paramref name="preferred"/> when it is free on 127.0.0.1 (the source's 12800), else a free port the system
    /// gives — so the capture filter can name the port before the exchange runs.
    /// </summary>
    public static int ChoosePort(int preferred = 12800)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, preferred);
            probe.Start();
            return preferred;
        }
        catch (SocketException)
        {
            using var any = new TcpListener(IPAddress.Loopback, 0);
            any.Start();
            return ((IPEndPoint)any.LocalEndpoint).Port;
        }
    }

    /// <summary>Runs the exchange on 127.0.0.1:<paramref name="port"/> and returns the echoed message.</summary>
    /// <exception cref="InvalidOperationException">The exchange failed or took longer than <paramref name="timeout"/> (French message).</exception>
    public static async Task<string> EchoAsync(int port = 12800, string message = "Bonjour serveur", TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var token = limit.Token;
        TcpListener listener;
        try
        {
            listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start(1);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"le port {port} est déjà pris sur 127.0.0.1 ({e.SocketErrorCode}) : choisissez-en un autre avec DemoExchange.ChoosePort().", e);
        }
        try
        {
            var server = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var n = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
                await stream.WriteAsync(buffer.AsMemory(0, n), token).ConfigureAwait(false);
                // Wait for the client to close first, as in the recorded capture.
                while (await stream.ReadAsync(buffer, token).ConfigureAwait(false) > 0) { }
            }, token);
            string echo;
            using (var client = new TcpClient())
            {
                await client.ConnectAsync(IPAddress.Loopback, port, token).ConfigureAwait(false);
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.UTF8.GetBytes(message), token).ConfigureAwait(false);
                var buffer = new byte[4096];
                var n = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
                echo = Encoding.UTF8.GetString(buffer, 0, n);
            }
            await server.ConfigureAwait(false);
            return echo;
        }
        catch (OperationCanceledException e)
        {
            throw new InvalidOperationException($"l'échange sur 127.0.0.1:{port} n'a pas abouti dans le temps imparti.", e);
        }
        finally
        {
            listener.Stop();
        }
    }
}
