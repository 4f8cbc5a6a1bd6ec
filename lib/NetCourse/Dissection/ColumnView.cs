namespace NetCourse.Dissection;

/// <summary>The packet-list columns being built while a frame is dissected.</summary>
internal sealed class ColumnView
{
    public int SourceOffset { get; private set; }

    public int SourceLength { get; private set; }

    public int DestinationOffset { get; private set; }

    public int DestinationLength { get; private set; }

    /// <summary>The Source column is the address of <paramref name="length"/> bytes (6 MAC, 4 IPv4, 16 IPv6) at <paramref name="offset"/>.</summary>
    public void SetSource(int offset, int length)
    {
        SourceOffset = offset;
        SourceLength = length;
    }

    /// <summary>The Destination column is the address at <paramref name="offset"/>.</summary>
    public void SetDestination(int offset, int length)
    {
        DestinationOffset = offset;
        DestinationLength = length;
    }

    public string Protocol { get; set; } = "";

    private string _info = "";

    /// <summary>The Info text; setting it drops a pending TCP summary (a higher layer has the last word).</summary>
    public string Info
    {
        get => Tcp is null ? _info : "";
        set
        {
            _info = value;
            Tcp = null;
            Suffix = "";
        }
    }

    /// <summary>A TCP summary rendered only when the Info column is read.</summary>
    public TcpInfo? Tcp { get; set; }

    /// <summary>Text appended after the TCP summary (for example " [TCP segment of a reassembled PDU]").</summary>
    public string Suffix { get; set; } = "";

    /// <summary>True when « [Malformed Packet] » follows the Info text with no space (an ICMP error whose extensions lie past its end).</summary>
    public bool MalformedJoined { get; set; }

    /// <summary>Appends to the Info text, whether it is still pending or already written.</summary>
    public void Append(string text)
    {
        if (Tcp is not null)
            Suffix += text;
        else
            _info += text;
    }
}
