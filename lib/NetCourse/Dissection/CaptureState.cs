namespace NetCourse.Dissection;

/// <summary>
/// What the protocol dissectors remember from one frame to the next across a capture (Wireshark's conversation
/// tables): TCP streams and their analysis, UDP stream numbers, IP fragments waiting for the rest of their datagram, ICMP echo requests waiting for their reply.
/// </summary>
internal sealed class CaptureState
{
    public TcpTracker Tcp { get; } = new();

    public UdpStreams Udp { get; } = new();

    /// <summary>IPv4 and IPv6 datagrams waiting for their other fragments.</summary>
    public FragmentTable Fragments { get; } = new();

    /// <summary>The address values shared by the packets' address fields.</summary>
    public AddressValueCache Addresses { get; } = new();

    /// <summary>Frame number of each ICMP echo request, by (source, destination, identifier, sequence).</summary>
    public Dictionary<(UInt128, UInt128, int, int), long> EchoRequests { get; } = [];
}
