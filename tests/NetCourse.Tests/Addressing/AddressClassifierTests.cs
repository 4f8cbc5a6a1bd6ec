using System.Net;
using NetCourse.Addressing;

namespace NetCourse.Tests.Addressing;

public class AddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1", 4, AddressScope.Loopback)]
    [InlineData("127.45.6.7", 4, AddressScope.Loopback)]
    [InlineData("::1", 6, AddressScope.Loopback)]
    [InlineData("10.1.2.3", 4, AddressScope.Private)]
    [InlineData("172.16.0.1", 4, AddressScope.Private)]
    [InlineData("172.31.255.255", 4, AddressScope.Private)]
    [InlineData("172.32.0.1", 4, AddressScope.Public)]
    [InlineData("192.168.1.20", 4, AddressScope.Private)]
    [InlineData("169.254.3.4", 4, AddressScope.LinkLocal)]
    [InlineData("100.64.0.1", 4, AddressScope.SharedCgnat)]
    [InlineData("198.18.0.1", 4, AddressScope.Benchmark)]
    [InlineData("198.19.255.254", 4, AddressScope.Benchmark)]
    [InlineData("198.20.0.1", 4, AddressScope.Public)]
    [InlineData("203.0.113.9", 4, AddressScope.Documentation)]
    [InlineData("80.13.3.35", 4, AddressScope.Public)]
    [InlineData("224.0.0.251", 4, AddressScope.Multicast)]
    [InlineData("255.255.255.255", 4, AddressScope.Broadcast)]
    [InlineData("0.0.0.0", 4, AddressScope.Unspecified)]
    [InlineData("::", 6, AddressScope.Unspecified)]
    [InlineData("fe80::1", 6, AddressScope.LinkLocal)]
    [InlineData("fd12:3456::1", 6, AddressScope.Private)]
    [InlineData("2001:db8::1", 6, AddressScope.Documentation)]
    [InlineData("2a01:e0a::1", 6, AddressScope.Public)]
    [InlineData("::ffff:127.0.0.1", 4, AddressScope.Loopback)]
    public void Classifies_addresses_by_range(string input, int version, AddressScope scope)
    {
        var c = AddressClassifier.Classify(input);
        Assert.Equal(scope, c.Scope);
        Assert.Equal(version, c.Version);
        Assert.False(string.IsNullOrWhiteSpace(c.Explanation));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bonjour")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData(null)]
    public void Rejects_text_that_is_not_an_address_with_a_french_message(string? input)
    {
        var c = AddressClassifier.Classify(input);
        Assert.Equal(AddressScope.Invalid, c.Scope);
        Assert.Equal(0, c.Version);
        Assert.Contains("n'est pas une adresse IP", c.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Cidr_containment_respects_the_prefix_bits()
    {
        Assert.True(AddressClassifier.Contains("172.16.0.0/12", IPAddress.Parse("172.20.1.1")));
        Assert.False(AddressClassifier.Contains("172.16.0.0/12", IPAddress.Parse("172.15.255.255")));
        Assert.False(AddressClassifier.Contains("127.0.0.0/8", IPAddress.IPv6Loopback));
    }

    [Fact]
    public void Table_has_one_row_per_address()
    {
        var table = AddressClassifier.Table("127.0.0.1", "bonjour");
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("boucle locale", table.Rows[0][2]);
        Assert.Equal("invalide", table.Rows[1][2]);
    }
}
