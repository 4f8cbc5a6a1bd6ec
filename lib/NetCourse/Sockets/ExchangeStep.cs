namespace NetCourse.Sockets;

/// <summary>One step of a client–server exchange, as it happened.</summary>
/// <param name="AtMs">When, in milliseconds since the recorder started.</param>
/// <param name="Actor">Who did it: "serveur", "client 1" …</param>
/// <param name="Step">The step in the source's words (« attendre », « accepter », « échanger », « fermer », « se connecter »).</param>
/// <param name="Detail">What exactly happened (addresses, bytes, errors), in French.</param>
/// <param name="Peer">The other side of this step (a client for the server, "serveur" for a client), or an empty string.</param>
public sealed record ExchangeStep(double AtMs, string Actor, string Step, string Detail, string Peer = "");
