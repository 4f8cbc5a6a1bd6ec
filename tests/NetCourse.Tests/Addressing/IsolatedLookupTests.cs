using NetCourse.Addressing;
using NetCourse.Platform;

namespace NetCourse.Tests.Addressing;

/// <summary>The system resolver run in a throwaway namespace: real getaddrinfo, answered by the course's DNS server, nothing leaves the machine.</summary>
public class IsolatedLookupTests
{
    private static bool IsRoot => Environment.UserName == "root";

    private static string Namespaces() => ExternalCommand.Run("ip", ["netns", "list"], TimeSpan.FromSeconds(5)).Output;

    [Fact]
    public async Task An_unknown_name_gets_host_not_found_from_the_real_resolver_and_the_namespace_is_deleted()
    {
        var r = await IsolatedLookup.ResolveAsync("nexiste-pas.invalid", TimeSpan.FromSeconds(5));
        if (!IsRoot)
        {
            Assert.Contains("isolement impossible", r.Error, StringComparison.Ordinal);
            return;
        }
        Assert.False(r.Succeeded);
        Assert.Equal("ce nom n'existe pas : ni /etc/hosts ni le DNS ne le connaissent.", r.Error);
        Assert.InRange(r.ElapsedMs, 0.01, 5000);
        Assert.DoesNotContain($"nc-dns-{Environment.ProcessId}-", Namespaces(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_course_name_is_answered_to_getaddrinfo_by_the_course_server()
    {
        Requires.Root("résoudre dans un espace de noms réseau jetable");
        var r = await IsolatedLookup.ResolveAsync("serveur.netcourse.test", TimeSpan.FromSeconds(5));
        Assert.True(r.Succeeded, r.Error);
        Assert.Contains("127.0.0.10", r.Addresses);
    }

    [Fact]
    public void Nameservers_are_read_from_resolv_conf_lines()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# commentaire", "search lab.test", "nameserver 127.0.0.53", "nameserver ::1", "nameserver pas-une-ip", "options edns0"]);
            Assert.Equal(["127.0.0.53", "::1"], IsolatedLookup.Nameservers(file).Select(a => a.ToString()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
