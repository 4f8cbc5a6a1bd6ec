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
}
