namespace NetCourse.Dissection;

/// <summary>An HTTP message split over several TCP segments, being reassembled the way Wireshark does.</summary>
internal sealed class HttpPending
{
    public List<byte> Buffer { get; } = [];

    public bool HeadersComplete { get; set; }

    public int HeaderEnd { get; set; }

    public long BodyRemaining { get; set; }

    public bool Chunked { get; set; }

    public bool UntilFin { get; set; }
}
