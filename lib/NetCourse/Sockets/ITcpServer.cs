using System.Net;

namespace NetCourse.Sockets;

/// <summary>
/// What every course TCP server (echo, chat, HTTP) shows once started: where it listens, what happened at start and its
/// counters. Code that serves any of them (the CLI's <c>serve</c>, a notebook's live resources) needs no cast.
/// </summary>
public interface ITcpServer : IAsyncDisposable
{
    /// <summary>The port the server listens on.</summary>
    int Port { get; }

    /// <summary>The address and port the server listens on.</summary>
    IPEndPoint EndPoint { get; }

    /// <summary>What happened at start, in French (the port used, and why when it is not the one asked for).</summary>
    string Notice { get; }

    /// <summary>The counters now.</summary>
    ServerStats Stats { get; }
}
