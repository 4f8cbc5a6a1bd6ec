namespace NetCourse.Sockets;

/// <summary>One client of the backlog demonstration.</summary>
/// <param name="Index">The client's number, in the order the connections were started (1, 2 …).</param>
/// <param name="Connected">True when the handshake completed before the client's timeout.</param>
/// <param name="Milliseconds">How long connect() took, or how long the client waited before giving up.</param>
/// <param name="Outcome">What happened, in French.</param>
public sealed record BacklogAttempt(int Index, bool Connected, double Milliseconds, string Outcome);
