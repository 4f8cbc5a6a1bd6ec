using System.CommandLine;
using System.Net;
using NetCourse.Cli.Lab;
using NetCourse.Lab;

namespace NetCourse.Tests.Lab;

// The refused targets below come only from the documentation ranges (RFC 5737 TEST-NET-1/2/3, RFC 3849): never routed,
// and the tests check that nothing is sent to them (the refusal comes before any probe).
public class TracerouteTargetsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.3.2.1")]
    [InlineData("::1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.254")]
    public void Loopback_and_lab_addresses_are_allowed(string text)
    {
        Assert.NotNull(TracerouteTargets.Check(text, allowExternal: false, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("198.51.100.1")]
    [InlineData("203.0.113.1")]
    [InlineData("2001:db8::1")]
    public void Other_addresses_are_refused_without_opt_in(string text)
    {
        Assert.Null(TracerouteTargets.Check(text, allowExternal: false, out var reason));
        Assert.Contains("--allow-external", reason);
        Assert.NotNull(TracerouteTargets.Check(text, allowExternal: true, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    public void Bad_input_gets_a_french_reason(string text)
    {
        Assert.Null(TracerouteTargets.Check(text, allowExternal: true, out var reason));
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public async Task Traceroute_refuses_an_external_target_before_sending_anything()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Traceroute.RunAsync(IPAddress.Parse("192.0.2.1")));
        Assert.Contains("198.18.0.0/15", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => RawTraceroute.RunAsync(IPAddress.Parse("192.0.2.1")));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), "the refusal must come before any probe and its timeout");
    }

    [Theory]
    [InlineData(0, 3, 1000)]
    [InlineData(65, 3, 1000)]
    [InlineData(8, 0, 1000)]
    [InlineData(8, 11, 1000)]
    [InlineData(8, 3, 10)]
    [InlineData(8, 3, 60_000)]
    public async Task Unbounded_options_are_refused(int maxHops, int probes, int timeoutMs)
    {
        var options = new TracerouteOptions(maxHops, probes, timeoutMs);
        Assert.NotNull(options.Validate());
        await Assert.ThrowsAsync<ArgumentException>(() => Traceroute.RunAsync(IPAddress.Loopback, options));
    }

    [Fact]
    public async Task Traceroute_to_loopback_reaches_it_at_the_first_hop()
    {
        var result = await Traceroute.RunAsync(IPAddress.Loopback, new TracerouteOptions(MaxHops: 4, ProbesPerHop: 2, TimeoutMs: 1000));
        var hop = Assert.Single(result.Hops);
        Assert.True(hop.Reached);
        Assert.Equal(IPAddress.Loopback, hop.Address);
        Assert.Empty(result.Routers);
        Assert.Equal(1, result.ReachedAtTtl);
        Assert.All(hop.RoundTripsMs, ms => Assert.True(ms is > 0 and < 1000));
    }

    [Theory]
    [InlineData(new[] { "traceroute", "192.0.2.1" }, 2)]
    [InlineData(new[] { "traceroute", "pas-une-adresse" }, 2)]
    [InlineData(new[] { "traceroute", "127.0.0.1", "--max-hops", "0" }, 2)]
    [InlineData(new[] { "traceroute", "127.0.0.1", "--max-hops", "2", "--probes", "1" }, 0)]
    public async Task The_cli_refuses_bad_targets_with_an_error_exit(string[] args, int expectedExit)
    {
        var root = new RootCommand { new TracerouteCommand().Build() };
        Assert.Equal(expectedExit, await root.Parse(args).InvokeAsync());
    }
}
