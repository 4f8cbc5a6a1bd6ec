namespace NetCourse.Dissection;

/// <summary>
/// What the protocol dissectors remember from one frame to the next across a capture (Wireshark's conversation
/// tables): TCP streams and their analysis, UDP stream numbers, IP fragments waiting for the rest of their datagram,
/// ICMP echo requests waiting for their reply, shared address values.
/// <para>
/// Every table is bounded by a constant, never by the capture's length, so streaming a capture of any size keeps
/// memory flat: TCP keeps the <see cref="TcpTracker.MaxOpen"/> open and the <see cref="TcpTracker.MaxClosed"/> closed
/// conversations used most recently, UDP the <see cref="UdpStreams.MaxStreams"/> used most recently, fragments
/// <see cref="FragmentTable.MaxDatagrams"/> waiting datagrams, echo requests the <see cref="EchoRequestTable.MaxRequests"/>
/// newest, addresses <see cref="AddressValueCache.Limit"/> values per kind. Each table's summary says what is forgotten
/// and what then differs from tshark (nothing, on any capture that never goes past a cap).
/// </para>
/// </summary>
internal sealed class CaptureState
{
    /// <summary>State with these caps (<see cref="CaptureLimits.Default"/> in every dissector; the tests use small ones).</summary>
    public CaptureState(CaptureLimits limits)
    {
        Tcp = new TcpTracker(limits.OpenTcp, limits.ClosedTcp);
        Udp = new UdpStreams(limits.UdpStreams);
        EchoRequests = new EchoRequestTable(limits.EchoRequests);
    }

    /// <summary>TCP conversations: stream indexes, sequence analysis, HTTP and TLS reassembly.</summary>
    public TcpTracker Tcp { get; }

    /// <summary>UDP stream indexes.</summary>
    public UdpStreams Udp { get; }

    /// <summary>IPv4 and IPv6 datagrams waiting for their other fragments.</summary>
    public FragmentTable Fragments { get; } = new();

    /// <summary>The address values shared by the packets' address fields.</summary>
    public AddressValueCache Addresses { get; } = new();

    /// <summary>Frame number of each ICMP echo request, by (source, destination, identifier, sequence).</summary>
    public EchoRequestTable EchoRequests { get; }
}
