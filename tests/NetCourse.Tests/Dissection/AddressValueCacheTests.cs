using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>Address fields share one value per address, and the table stays bounded on a capture of many hosts.</summary>
public class AddressValueCacheTests
{
    [Fact]
    public void One_value_per_address_rendered_as_before()
    {
        var cache = new AddressValueCache();
        byte[] ip = [198, 18, 0, 1];
        byte[] mac = [0x02, 0, 0, 0, 0, 0x0a];
        Assert.Same(cache.Ipv4(ip), cache.Ipv4([198, 18, 0, 1]));
        Assert.Equal("198.18.0.1", cache.Ipv4(ip).Display);
        Assert.Same(cache.Mac(mac), cache.Mac([0x02, 0, 0, 0, 0, 0x0a]));
        Assert.Equal("02:00:00:00:00:0a", cache.Mac(mac).Display);
        Assert.NotSame(cache.Ipv4(ip), cache.Ipv4([198, 18, 0, 2]));
    }

    [Fact]
    public void Many_hosts_keep_the_table_bounded()
    {
        var cache = new AddressValueCache();
        for (var i = 0; i < 10 * AddressValueCache.Limit; i++)
        {
            byte[] ip = [198, 18, (byte)(i >> 8), (byte)i];
            byte[] mac = [0x02, 0, 0, (byte)(i >> 16), (byte)(i >> 8), (byte)i];
            Assert.Equal($"198.18.{(byte)(i >> 8)}.{(byte)i}", cache.Ipv4(ip).Display);
            _ = cache.Mac(mac);
        }
        Assert.True(cache.Count <= 2 * AddressValueCache.Limit, $"{cache.Count} adresses gardées");
    }
}
