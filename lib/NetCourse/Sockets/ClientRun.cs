namespace NetCourse.Sockets;

/// <summary>What one client lived: when it connected, how long it waited for its answer, the answer or the error.</summary>
/// <param name="Name">The client's name (« client 1 » …).</param>
/// <param name="ConnectMs">Time to connect, in ms (NaN when it could not).</param>
/// <param name="TotalMs">Time from its start to the answer (or the failure), in ms.</param>
/// <param name="Reply">The server's answer, or null.</param>
/// <param name="Error">Why it failed, in French, or null.</param>
public sealed record ClientRun(string Name, double ConnectMs, double TotalMs, string? Reply, string? Error)
{
    /// <summary>True when an answer arrived.</summary>
    public bool Succeeded => Error is null && Reply is not null;
}
