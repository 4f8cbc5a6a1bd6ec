namespace NetCourse.Dissection;

/// <summary>The packet-list columns being built while a frame is dissected.</summary>
internal sealed class ColumnView
{
    public FieldValue? SourceValue { get; set; }

    public FieldValue? DestinationValue { get; set; }

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

    /// <summary>Appends to the Info text, whether it is still pending or already written.</summary>
    public void Append(string text)
    {
        if (Tcp is not null)
            Suffix += text;
        else
            _info += text;
    }
}
