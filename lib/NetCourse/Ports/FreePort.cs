using System.Net;
using System.Net.Sockets;

namespace NetCourse.Ports;

/// <summary>Finds a TCP port of the loopback where nothing listens right now (to show a closed port).</summary>
public static class FreePort
{
    /// <summary>A port the system just handed out and that was released at once: nothing listens on it now.</summary>
    public static int Tcp()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
