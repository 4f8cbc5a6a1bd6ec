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
        // Offline: an unknown name is resolved in a throwaway namespace, never by the machine's real DNS server.
        var r = await HostLookup.ResolveOfflineAsync("nexiste-pas.invalid", TimeSpan.FromSeconds(5));
        Assert.False(r.Succeeded);
        // As root the name is really looked up (in a namespace): the French verdict. Otherwise, in French, why not.
        if (NetCourse.Lab.MachineCheck.IsRoot)
            Assert.Equal("ce nom n'existe pas : ni /etc/hosts ni le DNS ne le connaissent.", r.Error);
        else
            Assert.Contains("NXDOMAIN", r.Error, StringComparison.Ordinal);
        Assert.True(r.ElapsedMs < 6000);
    }

    [Fact]
    public async Task Without_isolation_the_course_dns_server_answers_instead_of_only_saying_why_not()
    {
        var unknown = await HostLookup.AskCourseServerAsync("nexiste-pas.invalid", TimeSpan.FromSeconds(3), "isolement impossible (test)");
        Assert.False(unknown.Succeeded);
        Assert.StartsWith("ce nom n'existe pas : le serveur DNS répond NXDOMAIN", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("sans root", unknown.Error, StringComparison.Ordinal);

        var known = await HostLookup.AskCourseServerAsync("chat.netcourse.test", TimeSpan.FromSeconds(3), "isolement impossible (test)");
        Assert.Equal(["127.0.0.30"], known.Addresses);
    }

    [Fact]
    public void Hosts_file_names_are_read_in_order_without_comments()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# en-tête", "127.0.0.1 localhost", "127.0.1.1 machine.lab.test machine # commentaire", "::1 localhost ip6-localhost", "pas-une-ip nom"]);
            Assert.Equal(["localhost", "machine.lab.test", "machine", "ip6-localhost"], HostLookup.HostsFileNames(file));
        }
        finally
        {
            File.Delete(file);
        }
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
