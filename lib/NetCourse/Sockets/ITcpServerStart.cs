using System.Net;

namespace NetCourse.Sockets;

/// <summary>
/// How a course TCP server of type <typeparamref name="TSelf"/> is started: the options are validated, the port bound,
/// then clients are served until the server is disposed. Lets generic code start any of them by its type.
/// </summary>
/// <typeparam name="TSelf">The server type itself.</typeparam>
public interface ITcpServerStart<TSelf> : ITcpServer where TSelf : ITcpServerStart<TSelf>
{
    /// <summary>Starts the server on <paramref name="port"/> (0 = any free port) at <paramref name="address"/> (null: 127.0.0.1).</summary>
    /// <param name="port">The port.</param>
    /// <param name="address">The local address.</param>
    /// <param name="options">The bounds (null: <see cref="ServerOptions.Default"/>); invalid bounds throw <see cref="ArgumentException"/>.</param>
    /// <param name="fallbackToFreePort">When the port is taken: true uses a free port (told in <see cref="ITcpServer.Notice"/>), false throws <see cref="PortInUseException"/>.</param>
    static abstract Task<TSelf> StartAsync(int port, IPAddress? address, ServerOptions? options, bool fallbackToFreePort);
}
