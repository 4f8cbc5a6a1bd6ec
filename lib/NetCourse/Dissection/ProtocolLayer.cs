namespace NetCourse.Dissection;

/// <summary>One protocol of a dissected packet (frame, eth, ip, tcp, http …), with its fields and its place in the frame.</summary>
public sealed class ProtocolLayer
{
    private PacketField[] _store = [];

    /// <summary>Creates an empty layer.</summary>
    /// <param name="kind">Which of the five layers it belongs to.</param>
    /// <param name="protocol">The Wireshark protocol name (frame, eth, sll, null, ppp, arp, ip, ipv6, icmp, icmpv6, tcp, udp, dns, http, data).</param>
    /// <param name="title">The title Wireshark shows for it in the details tree (for example "Internet Protocol Version 4").</param>
    /// <param name="offset">Its first byte in the frame.</param>
    public ProtocolLayer(LayerKind kind, string protocol, string title, int offset)
    {
        Kind = kind;
        Protocol = protocol;
        _title = title;
        Offset = offset;

    }

    /// <summary>Which of the five layers this protocol belongs to.</summary>
    public LayerKind Kind { get; }

    /// <summary>The Wireshark protocol name.</summary>
    public string Protocol { get; }

    private string _title;

    /// <summary>The title shown in the details tree, with the layer's main values (for example its addresses).</summary>
    public string Title
    {
        get
        {
            if (TitleBuilder is { } builder)
            {
                _title = builder(this);
                TitleBuilder = null;
            }
            return _title;
        }
        internal set => _title = value;
    }

    /// <summary>Builds the full title on first use from the layer's fields (keeps dissection free of string work).</summary>
    internal Func<ProtocolLayer, string>? TitleBuilder { get; set; }

    /// <summary>The display text of the layer's first <paramref name="field"/>, or "" when absent.</summary>
    internal string Text(string field)
    {
        foreach (var f in Span)
        {
            if (f.Name == field)
                return f.Value.Display;
        }
        return "";
    }

    /// <summary>The layer's first byte in the frame.</summary>
    public int Offset { get; }

    /// <summary>How many bytes of the frame the layer covers (its header, or header and payload for application data).</summary>
    public int Length { get; internal set; }

    /// <summary>The layer's fields, in the order Wireshark shows them.</summary>
    public IReadOnlyList<PacketField> Fields => new ArraySegment<PacketField>(_store, Start, Count);

    /// <summary>The layer's fields without a copy (the packet's field array, from <see cref="Start"/>).</summary>
    internal ReadOnlySpan<PacketField> Span => _store.AsSpan(Start, Count);

    /// <summary>Index of the layer's first field in the packet's field array.</summary>
    internal int Start { get; set; }

    /// <summary>Number of fields of the layer.</summary>
    internal int Count { get; set; }

    /// <summary>Attaches the packet's final field array.</summary>
    internal void Attach(PacketField[] store) => _store = store;

    /// <inheritdoc />
    public override string ToString() => Title;
}
