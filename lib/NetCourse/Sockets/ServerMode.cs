namespace NetCourse.Sockets;

/// <summary>How a server handles several clients.</summary>
public enum ServerMode
{
    /// <summary>One client at a time: the next one waits until the current one is done.</summary>
    OneAtATime,
    /// <summary>Each accepted client is served at once, in parallel with the others.</summary>
    Concurrent,
}
