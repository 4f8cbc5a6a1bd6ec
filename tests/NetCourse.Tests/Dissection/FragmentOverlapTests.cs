using System.Buffers.Binary;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// Overlapping IPv4 fragments (the teardrop attack of <c>filesamples_teardrop.pcap</c>, rebuilt here from bytes): a
/// first fragment of 36 bytes with more-fragments set, then a last one of 4 bytes at offset 24. tshark 4.0 on these
/// two frames (checked on a pcap of them): the first is IPv4 « Fragmented IP protocol (proto=UDP 17, off=0, ID=00f2) »
/// with no colouring rule and its bytes as Data; the last reassembles a 28-byte datagram (the first fragment is « too
/// long », the last overlaps it with conflicting bytes, and the bytes already laid stay), shown as UDP with the bad
/// length of the header the first fragment carried, and the UDP colouring rule.
/// </summary>
public class FragmentOverlapTests
{
    private const ushort Id = 0x00f2;

    [Fact]
    public void Teardrop_fragments_are_shown_as_tshark_shows_them()
    {
        byte[] udpHeader = [0x7c, 0xab, 0x4e, 0xe5, 0x00, 0x24, 0x00, 0x00]; // 31915 → 20197, length 36, no checksum
        byte[] first = [.. udpHeader, .. Enumerable.Range(0x40, 28).Select(b => (byte)b)];
        byte[] last = [0xee, 0xee, 0xee, 0xee];
        var d = new PacketDissector();
        var head = d.Dissect(Fragment(0, more: true, first), 1, 1m, 14 + 20 + first.Length);
        var tail = d.Dissect(Fragment(3, more: false, last), 1, 2m, 14 + 20 + last.Length);

        Assert.Equal("IPv4", head.Protocol);
        Assert.Equal("Fragmented IP protocol (proto=UDP 17, off=0, ID=00f2)", head.Info);
        Assert.Null(ColoringRules.Embedded.Match(head)?.Name);
        Assert.Equal("1", head.FieldText("ip.flags.mf"));
        Assert.Equal("0", head.FieldText("ip.frag_offset"));
        Assert.Equal(Convert.ToHexStringLower(first), head.FieldText("data.data"));

        Assert.Equal("UDP", tail.Protocol);
        Assert.Equal("31915 → 20197 [BAD UDP LENGTH 36 > IP PAYLOAD LENGTH] Len=28", tail.Info);
        Assert.Equal("UDP", ColoringRules.Embedded.Match(tail)?.Name);
        Assert.Equal("0", tail.FieldText("ip.flags.mf"));
        Assert.Equal("3", tail.FieldText("ip.frag_offset"));
        Assert.Equal("0x00f2", tail.FieldText("ip.id"));
        Assert.Equal("36", tail.FieldText("udp.length"));
        // Bytes 24-27 come from the first fragment: the overlapping 0xee bytes of the last one are not laid.
        Assert.Equal(Convert.ToHexStringLower(first[8..28]), tail.FieldText("data.data"));
    }

    [Fact]
    public void Waiting_datagrams_and_the_arrival_order_stay_bounded()
    {
        var table = new FragmentTable();
        for (var i = 0; i < 10_000; i++)
        {
            var key = ((UInt128)1, (UInt128)2, (long)(i & 0xffff), 17);
            Assert.Null(table.Add(key, 0, new byte[8], more: true));
            Assert.NotNull(table.Add(key, 8, new byte[8], more: false));
        }
        Assert.Equal(0, table.Pending);
        Assert.True(table.ArrivalOrderLength <= 2 * FragmentTable.MaxDatagrams, $"{table.ArrivalOrderLength} keys kept for 0 waiting datagrams");

        for (var i = 0; i < 1000; i++)
            table.Add(((UInt128)3, (UInt128)4, i, 17), 0, new byte[8], more: true);
        Assert.Equal(FragmentTable.MaxDatagrams, table.Pending);
        // The newest datagram is still there: one more fragment completes it.
        Assert.NotNull(table.Add(((UInt128)3, (UInt128)4, 999, 17), 8, new byte[8], more: false));
    }

    /// <summary>An Ethernet frame with one IPv4 fragment of a UDP datagram, 198.18.0.1 → 198.18.0.2.</summary>
    private static byte[] Fragment(int offsetUnits, bool more, byte[] payload)
    {
        var ip = new byte[20 + payload.Length];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(2), (ushort)ip.Length);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(4), Id);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(6), (ushort)((more ? 0x2000 : 0) | offsetUnits));
        ip[8] = 64;
        ip[9] = 17;
        byte[] source = [198, 18, 0, 1], destination = [198, 18, 0, 2];
        source.CopyTo(ip, 12);
        destination.CopyTo(ip, 16);
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(10), InternetChecksum.Compute(ip.AsSpan(0, 20)));
        payload.CopyTo(ip, 20);
        return [2, 0, 0, 0, 0, 0x0b, 2, 0, 0, 0, 0, 0x0a, 0x08, 0x00, .. ip];
    }
}
