using System.Buffers.Binary;
using System.Globalization;
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

    public byte[] Data { get; }

    /// <summary>The frame's absolute time (seconds since the epoch).</summary>
    public decimal Time { get; init; }

    /// <summary>The frame number.</summary>
    public long Number { get; init; }

    /// <summary>The outer network source address (IPv4 mapped into the low bits), for conversation keys.</summary>
    public UInt128 NetSource { get; set; }

    /// <summary>The outer network destination address.</summary>
    public UInt128 NetDestination { get; set; }

    /// <summary>Reads an IPv4 (4 bytes) or IPv6 (16 bytes) address at <paramref name="offset"/> as a number (a conversation key).</summary>
    public UInt128 AddressKey(int offset, int length) =>
        length == 16 ? BinaryPrimitives.ReadUInt128BigEndian(Data.AsSpan(offset, 16)) : U32(offset);

    /// <summary>End of the bytes the current protocol may read according to the headers below it (Wireshark's reported length).</summary>
    public int ReportedEnd { get; set; }

    public List<ProtocolLayer> Layers { get; } = new(6);

    /// <summary>The TCP payload's value, shared by tcp.payload and data.data.</summary>
    public FieldValue? PayloadValue { get; set; }

    public ProtocolLayer? Current { get; private set; }

    public bool Malformed { get; private set; }

    public bool Short { get; private set; }

    /// <summary>True inside an ICMP error's quoted packet: running out of bytes there is normal, not malformed.</summary>
    public bool InErrorPacket { get; set; }

    public string MalformedProtocol { get; private set; } = "";

    public int CapturedEnd => Math.Min(Data.Length, ReportedEnd);

    public ProtocolLayer Begin(LayerKind kind, string protocol, string title, int offset)
    {
        var layer = new ProtocolLayer(kind, protocol, title, offset);
        Layers.Add(layer);
        Current = layer;
        return layer;
    }

    /// <summary>Checks that <paramref name="length"/> bytes at <paramref name="offset"/> can be read; when not, records why (malformed or cut by the snap length) and returns false.</summary>
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

    public void MarkMalformed()
    {
        if (InErrorPacket || Malformed)
            return;
        Malformed = true;
        MalformedProtocol = Current?.Protocol switch
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

    public byte U8(int offset) => Data[offset];

    public ushort U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(Data.AsSpan(offset, 2));

    public uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(Data.AsSpan(offset, 4));

    public void Add(string name, FieldValue value, int offset, int length) =>
        Current!.MutableFields.Add(new PacketField(name, value, offset, length));

    public void AddInt(string name, long value, int offset, int length) => Add(name, FieldValue.FromInteger(value), offset, length);

    public void AddHex(string name, long value, int digits, int offset, int length) =>
        Add(name, FieldValue.FromHex(value, digits), offset, length);

    public void AddBool(string name, bool value, int offset, int length) =>
        Add(name, FieldValue.FromBoolean(value, value ? "1" : "0"), offset, length);

    public void AddText(string name, string value, int offset, int length) => Add(name, FieldValue.FromText(value), offset, length);

    public void AddPresent(string name, string display) =>
        Current!.MutableFields.Add(new PacketField(name, FieldValue.FromBoolean(true, display), -1, 0));

    public void AddBytes(string name, FieldValue value, int offset, int length) => Add(name, value, offset, length);

    public FieldValue Mac(int offset) => FieldValue.FromEthernet(Data.AsSpan(offset, 6).ToArray());

    public FieldValue IPv4(int offset)
    {
        return FieldValue.FromAddress(new IPAddress(Data.AsSpan(offset, 4)));
    }

    public FieldValue IPv6(int offset)
    {
        return FieldValue.FromAddress(new IPAddress(Data.AsSpan(offset, 16)));
    }
}
