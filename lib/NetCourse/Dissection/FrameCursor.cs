using System.Buffers.Binary;
using System.Net;

namespace NetCourse.Dissection;

/// <summary>
/// The dissector's working state for one frame: the bytes, the layers being built, and the two limits Wireshark
/// distinguishes (bytes captured vs. bytes the headers say exist) so a truncated packet is told apart from one cut by
/// the snap length.
/// </summary>
internal sealed class FrameCursor
{
    public FrameCursor(byte[] data, int reportedLength)
    {
        Data = data;
        ReportedEnd = Math.Max(reportedLength, data.Length);
    }

    /// <summary>The bytes being dissected: the frame, or after an IP reassembly the frame's headers followed by the whole datagram.</summary>
    public byte[] Data { get; private set; }

    /// <summary>
    /// Continues on a reassembled datagram: the frame's first <paramref name="headerEnd"/> bytes (the link and IP
    /// headers, so offsets below stay valid) followed by <paramref name="datagram"/>, which the upper layers then read.
    /// </summary>
    public void ContinueWithDatagram(int headerEnd, byte[] datagram)
    {
        var joined = new byte[headerEnd + datagram.Length];
        Data.AsSpan(0, headerEnd).CopyTo(joined);
        datagram.CopyTo(joined, headerEnd);
        Data = joined;
        ReportedEnd = joined.Length;
        Reassembled = true;
    }

    /// <summary>True once the cursor reads a reassembled datagram instead of the frame.</summary>
    public bool Reassembled { get; private set; }

    /// <summary>The frame's absolute time (seconds since the epoch).</summary>
    public decimal Time { get; init; }

    /// <summary>The frame number.</summary>
    public long Number { get; init; }

    /// <summary>What the dissectors remember across the capture (conversations, pending requests).</summary>
    public required CaptureState Capture { get; init; }

    /// <summary>The outer network source address (IPv4 mapped into the low bits), for conversation keys.</summary>
    public UInt128 NetSource { get; set; }

    /// <summary>The outer network destination address.</summary>
    public UInt128 NetDestination { get; set; }

    /// <summary>Inside an ICMP error: the quoted packet's source address (its conversation is that of the probe).</summary>
    public UInt128 QuotedNetSource { get; set; }

    /// <summary>Inside an ICMP error: the quoted packet's destination address.</summary>
    public UInt128 QuotedNetDestination { get; set; }

    /// <summary>Reads an IPv4 (4 bytes) or IPv6 (16 bytes) address at <paramref name="offset"/> as a number (a conversation key).</summary>
    public UInt128 AddressKey(int offset, int length) =>
        length == 16 ? BinaryPrimitives.ReadUInt128BigEndian(Data.AsSpan(offset, 16)) : U32(offset);

    /// <summary>End of the bytes the current protocol may read according to the headers below it (Wireshark's reported length).</summary>
    public int ReportedEnd { get; set; }

    public List<ProtocolLayer> Layers { get; } = new(6);

    /// <summary>One bit per protocol present (see <see cref="ProtocolIds"/>).</summary>
    public ulong ProtocolMask { get; private set; }

    /// <summary>The TCP payload's value, shared by tcp.payload and data.data.</summary>
    public FieldValue? PayloadValue { get; set; }

    public ProtocolLayer? Current { get; private set; }

    public bool Malformed { get; private set; }

    public bool Short { get; private set; }

    /// <summary>True inside an ICMP error's quoted packet: running out of bytes there is normal, not malformed.</summary>
    public bool InErrorPacket { get; set; }

    public string MalformedProtocol { get; private set; } = "";

    public int CapturedEnd => Math.Min(Data.Length, ReportedEnd);

    /// <summary>The fields of the frame being dissected (the dissector's scratch list, copied into the packet at the end).</summary>
    public required List<PacketField> Fields { get; init; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public ProtocolLayer Begin(LayerKind kind, string protocol, string title, int offset)
    {
        Close();
        var layer = new ProtocolLayer(kind, protocol, title, offset) { Start = Fields.Count };
        var id = ProtocolIds.Of(protocol);
        if (id >= 0)
            ProtocolMask |= 1UL << id;
        Layers.Add(layer);
        Current = layer;
        return layer;
    }

    /// <summary>Ends the current layer: its fields are those added since it began.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Close()
    {
        if (Current is { } layer)
            layer.Count = Fields.Count - layer.Start;
    }

    /// <summary>Checks that <paramref name="length"/> bytes at <paramref name="offset"/> can be read; when not, records why (malformed or cut by the snap length) and returns false.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Need(int offset, int length)
    {
        if (offset >= 0 && length >= 0 && offset + length <= CapturedEnd)
            return true;
        if (InErrorPacket)
            return false;
        if (offset + length > ReportedEnd || offset + length > Math.Max(ReportedEnd, Data.Length))
            MarkMalformed();
        else
            Short = true;
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void MarkMalformed(string? protocol = null)
    {
        if (InErrorPacket || Malformed)
            return;
        Malformed = true;
        MalformedProtocol = (protocol ?? Current?.Protocol) switch
        {
            "ip" => "IPv4",
            "ipv6" => "IPv6",
            "tcp" => "TCP",
            "udp" => "UDP",
            "eth" => "Ethernet",
            "arp" => "ARP",
            "icmp" => "ICMP",
            "icmpv6" => "ICMPv6",
            "dns" => "DNS",
            "http" => "HTTP",
            null => "Frame",
            var other => other.ToUpperInvariant(),
        };
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public byte U8(int offset) => Data[offset];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public ushort U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(Data.AsSpan(offset, 2));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(Data.AsSpan(offset, 4));

    /// <summary>The fields to keep (interned names), or null for every field.</summary>
    public HashSet<string>? Wanted { get; init; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Wants(string name) => Wanted is null || Wanted.Contains(name);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(string name, FieldValue value, int offset, int length)
    {
        if (Wanted is null || Wanted.Contains(name))
            Fields.Add(new PacketField(name, value, offset, length));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddInt(string name, long value, int offset, int length)
    {
        if (Wanted is null || Wanted.Contains(name))
            Fields.Add(new PacketField(name, FieldValue.FromInteger(value), offset, length));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddHex(string name, long value, int digits, int offset, int length)
    {
        if (Wanted is null || Wanted.Contains(name))
            Fields.Add(new PacketField(name, FieldValue.FromHex(value, digits), offset, length));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddBool(string name, bool value, int offset, int length)
    {
        if (Wanted is null || Wanted.Contains(name))
            Fields.Add(new PacketField(name, FieldValue.FromBoolean(value, value ? "1" : "0"), offset, length));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddText(string name, string value, int offset, int length) => Add(name, FieldValue.FromText(value), offset, length);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddPresent(string name, string display) => Add(name, FieldValue.FromBoolean(true, display), -1, 0);

    /// <summary>
    /// Adds a subtree node (an FT_NONE field such as tls.record): present for filters and <c>-e</c> (« 1 », as tshark
    /// prints it), its details-pane line in <see cref="FieldValue.Text"/>. Returns its index, for <see cref="Relabel"/>, or -1 when not wanted.
    /// </summary>
    public int AddNode(string name, string line, int offset, int length)
    {
        if (!Wants(name))
            return -1;
        Fields.Add(new PacketField(name, FieldValue.FromNode(line), offset, length));
        return Fields.Count - 1;
    }

    /// <summary>Sets the details-pane line of a node added by <see cref="AddNode"/> (a dissector names a record once it has read it).</summary>
    public void Relabel(int index, string line)
    {
        if (index >= 0)
            Fields[index] = Fields[index] with { Value = FieldValue.FromNode(line) };
    }

    /// <summary>Adds an address field (6 bytes MAC, 4 IPv4, 16 IPv6) and its either-side alias (eth.addr, ip.addr …), reading the bytes only when one is wanted.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddAddress(string name, string? alias, int offset, int length)
    {
        var wantName = Wants(name);
        var wantAlias = alias is not null && Wants(alias);
        if (!wantName && !wantAlias)
            return;
        var value = length switch { 6 => Mac(offset), 4 => IPv4(offset), _ => IPv6(offset) };
        if (wantName)
            Fields.Add(new PacketField(name, value, offset, length));
        if (wantAlias)
            Fields.Add(new PacketField(alias!, value, offset, length));
    }

    /// <summary>Adds a payload field (tcp.payload, data.data), copying the bytes once per frame and only when wanted.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddPayload(string name, int offset, int length)
    {
        if (!Wants(name) || length <= 0)
            return;
        if (PayloadValue is null || PayloadOffset != offset || PayloadValue.Bytes!.Length != length)
        {
            PayloadValue = FieldValue.FromBytes(Data.AsSpan(offset, length).ToArray());
            PayloadOffset = offset;
        }
        Fields.Add(new PacketField(name, PayloadValue, offset, length));
    }

    private int PayloadOffset { get; set; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddBytes(string name, FieldValue value, int offset, int length) => Add(name, value, offset, length);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public FieldValue Mac(int offset) => Capture.Addresses.Mac(Data.AsSpan(offset, 6));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public FieldValue IPv4(int offset)
    {
        return Capture.Addresses.Ipv4(Data.AsSpan(offset, 4));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public FieldValue IPv6(int offset)
    {
        return FieldValue.FromAddress(new IPAddress(Data.AsSpan(offset, 16)));
    }
}
