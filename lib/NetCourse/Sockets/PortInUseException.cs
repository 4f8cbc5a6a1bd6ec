using System.Net.Sockets;

namespace NetCourse.Sockets;

/// <summary>The port a server asked for is already bound by another program.</summary>
public sealed class PortInUseException : Exception
{
    /// <summary>Creates the exception for <paramref name="port"/>.</summary>
    public PortInUseException(int port, SocketException inner)
        : base($"Le port {port} est déjà utilisé par un autre programme : choisissez-en un autre (--port) ou arrêtez ce programme.", inner)
    {
        Port = port;
    }

    /// <summary>The port that was taken.</summary>
    public int Port { get; }
}
