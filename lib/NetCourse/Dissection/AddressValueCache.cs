using System.Buffers.Binary;
using System.Net;

namespace NetCourse.Dissection;

/// <summary>
/// One <see cref="FieldValue"/> per IPv4 or MAC address seen in a capture (a capture talks between few hosts): the
/// address fields of every packet share it, instead of allocating an address, a byte array and a value each time.
/// Bounded: a table is emptied once it holds <see cref="Limit"/> addresses.
/// </summary>
internal sealed class AddressValueCache
{
    public const int Limit = 4096;
    private readonly Dictionary<uint, FieldValue> _ipv4 = [];
    private readonly Dictionary<ulong, FieldValue> _mac = [];

    public FieldValue Ipv4(ReadOnlySpan<byte> bytes)
    {
        var key = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (_ipv4.TryGetValue(key, out var value))
            return value;
        if (_ipv4.Count >= Limit)
            _ipv4.Clear();
        return _ipv4[key] = FieldValue.FromAddress(new IPAddress(bytes[..4]));
    }

    public FieldValue Mac(ReadOnlySpan<byte> bytes)
    {
        var key = (ulong)BinaryPrimitives.ReadUInt32BigEndian(bytes) << 16 | BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        if (_mac.TryGetValue(key, out var value))
            return value;
        if (_mac.Count >= Limit)
            _mac.Clear();
        return _mac[key] = FieldValue.FromEthernet(bytes[..6].ToArray());
    }

    /// <summary>How many addresses are kept (for the bound's test).</summary>
    public int Count => _ipv4.Count + _mac.Count;
}
