namespace NetCourse.Dissection;

/// <summary>
/// What a display-filter exercise asks to select, computed from each packet's own fields (so it holds for a live
/// capture as for a recorded one): a French description and the test a packet must pass.
/// </summary>
/// <param name="Description">What to select, in French (« les paquets qui portent des données de l'application »).</param>
/// <param name="Wanted">True for a packet the filter must keep.</param>
public sealed record FilterTarget(string Description, Func<DissectedPacket, bool> Wanted)
{
    /// <summary>The TCP segments that carry application data (the message and its echo), and nothing else.</summary>
    public static FilterTarget ApplicationData { get; } = new("les segments TCP qui portent des données de l'application",
        p => (p.GetValue("tcp.len")?.Integer ?? 0) > 0);

    /// <summary>The segments TCP's analysis flags (duplicate ACK, retransmission…): Wireshark's « Bad TCP » rows.</summary>
    public static FilterTarget TcpTrouble { get; } = new("les segments que l'analyse TCP signale (ACK dupliqué, retransmission…)",
        p => p.GetValue("tcp.analysis.flags") is not null);

    /// <summary>The ARP requests (« Who has … ? »), not the replies nor anything else.</summary>
    public static FilterTarget ArpRequests { get; } = new("les requêtes ARP (« Who has … ? ») seulement",
        p => p.GetValue("arp.opcode")?.Integer == 1);
}
