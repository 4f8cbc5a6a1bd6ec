using NetCourse.Addressing;

namespace NetCourse.Tests.Addressing;

public class OwnAddressTests
{
    private static readonly string[] Methods = ["udp-connect", "interfaces"];

    [Fact]
    public void Toward_the_loopback_the_kernel_picks_the_loopback()
    {
        var r = OwnAddress.Find("127.0.0.1");
        Assert.Equal("udp-connect", r.Method);
        Assert.Equal("127.0.0.1", r.Address);
    }

    [Fact]
    public void Targets_outside_loopback_and_lab_are_refused_without_opt_in()
    {
        var r = OwnAddress.Find("203.0.113.7");
        Assert.Equal("refusé", r.Method);
        Assert.Equal("", r.Address);
        Assert.Contains("allowAnyTarget", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_an_address_is_refused_with_a_message()
    {
        var r = OwnAddress.Find("pas-une-adresse");
        Assert.Equal("refusé", r.Method);
        Assert.Contains("n'est pas une adresse IP", r.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Toward_the_lab_range_it_either_finds_a_route_or_falls_back_to_the_interfaces()
    {
        var r = OwnAddress.Find(OwnAddress.DefaultTarget);
        Assert.Contains(r.Method, Methods);
        Assert.NotEqual(AddressScope.Invalid, AddressClassifier.Classify(r.Address).Scope);
    }

    [Fact]
    public void Fallback_reads_an_active_interface_address()
    {
        var r = OwnAddress.Fallback("198.18.0.1", "Pas de route.");
        Assert.Equal("interfaces", r.Method);
        Assert.Equal(4, AddressClassifier.Classify(r.Address).Version);
        var expected = MachineInterfaces.List().Where(i => i.State == "active" && !i.IsLoopback)
            .SelectMany(i => i.Addresses).Select(a => a.Split('/')[0]).FirstOrDefault(a => a.Contains('.', StringComparison.Ordinal)) ?? "127.0.0.1";
        Assert.Equal(expected, r.Address);
    }

    [Fact]
    public async Task Without_a_route_the_udp_connect_fails_and_the_interfaces_are_read()
    {
        var r = await OwnAddress.FindWithoutRouteAsync();
        if (Environment.UserName != "root")
        {
            Assert.Equal("routes", r.Method);
            Assert.Contains("table de routage", r.Explanation, StringComparison.Ordinal);
            return;
        }
        Assert.Equal("interfaces", r.Method);
        Assert.Contains("Pas de route", r.Explanation, StringComparison.Ordinal);
        // Inside the throwaway namespace only the loopback exists.
        Assert.Equal("127.0.0.1", r.Address);
        Assert.DoesNotContain($"nc-iso-{Environment.ProcessId}-", ExternalCommandOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_isolation_the_routing_table_shows_the_route_the_trick_uses()
    {
        // /proc/net/route of a machine with a default route via 192.0.2.1 on eth0 and its local network.
        const string Table = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
            + "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
            + "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
        var routes = RouteTable.Parse(Table);
        Assert.Equal(2, routes.Count);
        Assert.Equal("192.0.2.0/24 sur eth0", RouteTable.Choose(routes, System.Net.IPAddress.Parse("192.0.2.9"))!.ToString());

        var r = OwnAddress.FromRouteTable("198.18.0.1", routes, "isolement impossible (test)");
        Assert.Equal("routes", r.Method);
        Assert.Contains("« route par défaut (0.0.0.0/0) via 192.0.2.1 sur eth0 »", r.Explanation, StringComparison.Ordinal);
        Assert.Contains("réseau inaccessible", r.Explanation, StringComparison.Ordinal);
        Assert.Contains("ici même", OwnAddress.FromRouteTable("198.18.0.1", routes.Skip(1).ToArray(), "x").Explanation, StringComparison.Ordinal);
    }

    private static string ExternalCommandOutput() => NetCourse.Platform.ExternalCommand.Run("ip", ["netns", "list"], TimeSpan.FromSeconds(5)).Output;
}
