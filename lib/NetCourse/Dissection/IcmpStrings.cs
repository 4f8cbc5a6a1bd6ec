namespace NetCourse.Dissection;

/// <summary>
/// ICMP's type and code strings, as epan/dissectors/packet-icmp.c declares them (<c>icmp_type_str</c>,
/// <c>unreach_code_str</c>, <c>redir_code_str</c>, <c>ttl_code_str</c>, <c>par_code_str</c>): the ICMP dissector
/// formats its type and code lines itself, so <c>tshark -G values</c> does not list them.
/// </summary>
internal static class IcmpStrings
{
    public static readonly Dictionary<long, string> Types = new()
    {
        [0] = "Echo (ping) reply",
        [1] = "Reserved",
        [2] = "Reserved",
        [3] = "Destination unreachable",
        [4] = "Source quench (flow control)",
        [5] = "Redirect",
        [6] = "Alternate host address",
        [8] = "Echo (ping) request",
        [9] = "Router advertisement",
        [10] = "Router solicitation",
        [11] = "Time-to-live exceeded",
        [12] = "Parameter problem",
        [13] = "Timestamp request",
        [14] = "Timestamp reply",
        [15] = "Information request",
        [16] = "Information reply",
        [17] = "Address mask request",
        [18] = "Address mask reply",
        [19] = "Reserved (for security)",
        [30] = "Traceroute",
    };

    public static readonly Dictionary<long, Dictionary<long, string>> Codes = new()
    {
        [3] = new()
        {
            [0] = "Network unreachable",
            [1] = "Host unreachable",
            [2] = "Protocol unreachable",
            [3] = "Port unreachable",
            [4] = "Fragmentation needed",
            [5] = "Source route failed",
            [6] = "Destination network unknown",
            [7] = "Destination host unknown",
            [8] = "Source host isolated",
            [9] = "Network administratively prohibited",
            [10] = "Host administratively prohibited",
            [11] = "Network unreachable for TOS",
            [12] = "Host unreachable for TOS",
            [13] = "Communication administratively filtered",
            [14] = "Host precedence violation",
            [15] = "Precedence cutoff in effect",
        },
        [5] = new() { [0] = "Redirect for network", [1] = "Redirect for host", [2] = "Redirect for TOS and network", [3] = "Redirect for TOS and host" },
        [11] = new() { [0] = "Time to live exceeded in transit", [1] = "Fragment reassembly time exceeded" },
        [12] = new() { [0] = "Pointer indicates the error", [1] = "Required option missing", [2] = "Bad length" },
    };
}
