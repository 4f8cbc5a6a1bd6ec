using NetCourse.Addressing;

namespace NetCourse.Tests.Addressing;

public class HostLookupTests
{
    [Fact]
    public async Task Localhost_resolves_to_a_loopback_address()
    {
        var r = await HostLookup.ResolveAsync("localhost", TimeSpan.FromSeconds(5));
        Assert.True(r.Succeeded, r.Error);
        Assert.Contains(r.Addresses, a => AddressClassifier.Classify(a).Scope == AddressScope.Loopback);
    }

    [Fact]
    public async Task An_invalid_name_fails_with_a_french_message_within_the_timeout()
    {
        var r = await HostLookup.ResolveAsync("nexiste-pas.invalid", TimeSpan.FromSeconds(5));
        Assert.False(r.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
        Assert.True(r.ElapsedMs < 6000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("avec espace")]
    [InlineData("a/b")]
    public async Task Bad_input_is_refused_before_asking_the_resolver(string name)
    {
        var r = await HostLookup.ResolveAsync(name);
        Assert.False(r.Succeeded);
        Assert.Equal(0, r.ElapsedMs);
    }
}
