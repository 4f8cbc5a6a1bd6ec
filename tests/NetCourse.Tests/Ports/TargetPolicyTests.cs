using System.Net;
using NetCourse.Ports;

namespace NetCourse.Tests.Ports;

public class TargetPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.5.6.7")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.254")]
    public void Loopback_and_lab_are_allowed(string address)
    {
        Assert.True(TargetPolicy.IsAllowed(IPAddress.Parse(address)));
        Assert.Null(TargetPolicy.RefusalReason(IPAddress.Parse(address), allowOutside: false, labIsUp: () => true));
    }

    [Fact]
    public void A_lab_address_is_refused_while_the_lab_is_down_but_loopback_never_is()
    {
        var reason = TargetPolicy.RefusalReason(IPAddress.Parse("198.18.1.2"), allowOutside: false, labIsUp: () => false);
        Assert.NotNull(reason);
        Assert.Contains("pas démarré", reason);
        Assert.Null(TargetPolicy.RefusalReason(IPAddress.Loopback, allowOutside: false, labIsUp: () => false));
    }

    [Theory]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::2")]
    [InlineData("0.0.0.0")]
    public void Anything_else_is_refused_with_a_reason_unless_opted_in(string address)
    {
        var reason = TargetPolicy.RefusalReason(IPAddress.Parse(address), allowOutside: false);
        Assert.NotNull(reason);
        Assert.Contains("boucle locale", reason);
        Assert.Contains("allowOutsideLab", reason);
        Assert.Null(TargetPolicy.RefusalReason(IPAddress.Parse(address), allowOutside: true));
    }

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData(" 127.0.0.1 ", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    public void Literals_parse_without_dns(string host, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), TargetPolicy.ParseLiteral(host));

    [Theory]
    [InlineData("example.invalid")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("[]")]
    public void Names_are_not_literals(string? host) => Assert.Null(TargetPolicy.ParseLiteral(host));
}
