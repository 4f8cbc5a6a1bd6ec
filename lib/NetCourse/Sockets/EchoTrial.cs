namespace NetCourse.Sockets;

/// <summary>What one real client did against the student's server, described as seen on the wire.</summary>
/// <param name="Client">Which client (« client C# », « client Python de la source »…).</param>
/// <param name="Sent">The messages it sent, in order.</param>
/// <param name="Expected">What a correct upper-casing echo server sends back, in order.</param>
/// <param name="Received">What came back for each message (as text), or null when nothing came back.</param>
/// <param name="Passed">True when every answer was right.</param>
/// <param name="Wire">What happened on the connection, in French (bytes, FIN, RST, silence).</param>
public sealed record EchoTrial(string Client, IReadOnlyList<string> Sent, IReadOnlyList<string> Expected,
    IReadOnlyList<string?> Received, bool Passed, string Wire);
