using System.Net;
using NetCourse.Course;
using NetCourse.Lab;
using NetCourse.Platform;

namespace NetCourse.Tests.Lab;

/// <summary>
/// The lab for real: these tests build network namespaces, so they need root (CI runs as root). Without root each one
/// is skipped, visibly, with the reason — none passes without having built and checked a lab. Each test uses its own
/// prefix and its own subnets (198.19.x.0/24) so that it cannot touch the default lab a notebook may have built.
/// </summary>
public class LabNetworkTests
{
    private static void RequireRoot() => Requires.Root("construire le labo (espaces de noms réseau)");

    private static LabOptions Options(int firstSubnet, int routers = 2) =>
        new($"nc-t{Random.Shared.Next(0x1000, 0xffff):x4}", routers, firstSubnet, DelayPerHopMs: 0);

    private static void AssertNothingLeft(LabOptions options)
    {
        Assert.Empty(LabNetwork.ListNamespaces(options.Prefix));
        var links = ExternalCommand.Run("ip", ["-o", "link", "show"], TimeSpan.FromSeconds(5));
        Assert.True(links.Succeeded, links.Error);
        Assert.DoesNotContain(options.Prefix, links.Output);
        var routes = ExternalCommand.Run("ip", ["route", "show"], TimeSpan.FromSeconds(5));
        for (var link = 0; link <= options.Routers; link++)
            Assert.DoesNotContain(options.Subnet(link).ToString(), routes.Output);
        Assert.False(LabNetwork.Status(options.Prefix).Exists);
    }

    [SkippableFact]
    public async Task Traceroute_through_the_lab_finds_every_router_in_order()
    {
        RequireRoot();
        var options = Options(firstSubnet: 300, routers: 3);
        await using (var lab = LabNetwork.Up(options))
        {
            Assert.True(lab.IsUp);
            Assert.Equal(3, lab.RouterAddresses.Count);
            var bounds = new TracerouteOptions(MaxHops: 8, ProbesPerHop: 2, TimeoutMs: 1000);

            TracerouteResult? traced = null;
            var capture = await TracerouteCapture.RecordAsync(lab.Interface, async () => traced = await Traceroute.RunAsync(lab.HostAddress, bounds));
            Assert.NotNull(traced);
            Assert.Equal(lab.RouterAddresses, traced.Routers);
            Assert.Equal(4, traced.ReachedAtTtl);
            Assert.Equal(lab.HostAddress, traced.Hops[^1].Address);
            Assert.All(traced.Hops, h => Assert.All(h.RoundTripsMs, ms => Assert.NotNull(ms)));

            // The capture shows the same route: 2 probes per hop, each answered.
            var fromCapture = capture.ToTrace();
            Assert.Equal(lab.RouterAddresses, fromCapture.Routers);
            Assert.Equal(4, fromCapture.ReachedAtTtl);
            Assert.Equal(8, capture.Packets.Count(p => p.Kind == IcmpKind.EchoRequest));
            Assert.Equal(6, capture.Packets.Count(p => p.Kind == IcmpKind.TimeExceeded));
            Assert.Equal(2, capture.Packets.Count(p => p.Kind == IcmpKind.EchoReply));

            // The scapy-style traceroute, with probes built by hand, finds them too.
            var raw = await RawTraceroute.RunAsync(lab.HostAddress, bounds);
            Assert.Equal(lab.RouterAddresses, raw.Routers);
            Assert.Equal(4, raw.ReachedAtTtl);

            // status reads the same nodes back from the system.
            var status = LabNetwork.Status(options.Prefix);
            Assert.Equal(lab.Nodes.Select(n => n.Name), status.Nodes.Select(n => n.Name));
            Assert.Equal(lab.Nodes.SelectMany(n => n.Addresses).Select(a => a.Address).Order(Comparer<IPAddress>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))),
                status.Nodes.SelectMany(n => n.Addresses).Select(a => a.Address).Order(Comparer<IPAddress>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))));
        }
        AssertNothingLeft(options);
    }

    [SkippableFact]
    public async Task The_round_trip_grows_by_the_delay_at_each_hop_with_or_without_netem()
    {
        RequireRoot();
        const int Delay = 50;
        var options = Options(firstSubnet: 320) with { DelayPerHopMs = Delay };
        await using (var lab = LabNetwork.Up(options))
        {
            Assert.True(lab.HasDelay, string.Join(" ", lab.Notes));
            var traced = await Traceroute.RunAsync(lab.HostAddress, new TracerouteOptions(MaxHops: 5, ProbesPerHop: 3, TimeoutMs: 2000));
            Assert.Equal(3, traced.ReachedAtTtl);
            // Hop k waits k delays (netem on the way back, or the course's relay on the way out): the RTT climbs step by
            // step. The fastest of three probes is compared, and only to "k delays, not k + 1": a loaded machine adds
            // time to a probe, never removes the delay.
            for (var k = 1; k <= 3; k++)
            {
                var fastest = traced.Hops[k - 1].RoundTripsMs.Where(r => r is not null).Min();
                Assert.True(fastest is { } ms && ms >= k * Delay * 0.9 && ms < (k + 1) * Delay,
                    $"hop {k}: {fastest} ms for {k} x {Delay} ms ({string.Join(" ", lab.Notes)})");
            }
        }
        AssertNothingLeft(options);
    }

    [SkippableFact]
    public async Task Down_removes_every_namespace_interface_and_route()
    {
        RequireRoot();
        var options = Options(firstSubnet: 310);
        var lab = LabNetwork.Up(options);
        Assert.Equal(3, LabNetwork.ListNamespaces(options.Prefix).Count);
        Assert.Contains(options.Subnet(2).ToString(), ExternalCommand.Run("ip", ["route", "show"], TimeSpan.FromSeconds(5)).Output);
        await lab.DisposeAsync();
        Assert.False(lab.IsUp);
        AssertNothingLeft(options);
        await lab.DisposeAsync(); // idempotent
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(20)]
    [InlineData(-1)] // the last mandatory step
    public void A_step_failing_half_way_rolls_back_everything(int failAt)
    {
        RequireRoot();
        var options = Options(firstSubnet: 320);
        var steps = new LabPlan(options).Steps();
        var index = failAt >= 0 ? failAt : steps.Select((s, i) => (s, i)).Last(x => !x.s.Optional).i;
        var error = Assert.Throws<LabException>(() => LabNetwork.Up(options with { FailAtStep = index }));
        Assert.Contains($"étape {index + 1}/", error.Message);
        Assert.Contains("supprimé", error.Message);
        AssertNothingLeft(options);
    }

    [SkippableFact]
    public void A_real_command_failure_rolls_back_and_leaves_the_machine_as_it_was()
    {
        RequireRoot();
        var options = Options(firstSubnet: 330);
        // Someone else's route to the lab's last subnet: the lab's own `ip route add` for it then fails for real.
        var foreign = options.Subnet(2).ToString();
        Assert.True(ExternalCommand.Run("ip", ["route", "add", foreign, "dev", "lo"], TimeSpan.FromSeconds(5)).Succeeded);
        try
        {
            var error = Assert.Throws<LabException>(() => LabNetwork.Up(options));
            Assert.Contains("File exists", error.Message);
            Assert.Empty(LabNetwork.ListNamespaces(options.Prefix));
            Assert.DoesNotContain(options.Prefix, ExternalCommand.Run("ip", ["-o", "link", "show"], TimeSpan.FromSeconds(5)).Output);
            Assert.Contains($"{foreign} dev lo", ExternalCommand.Run("ip", ["route", "show"], TimeSpan.FromSeconds(5)).Output);
        }
        finally
        {
            ExternalCommand.Run("ip", ["route", "del", foreign, "dev", "lo"], TimeSpan.FromSeconds(5));
        }
        AssertNothingLeft(options);
    }

    [SkippableFact]
    public async Task Live_resources_stop_the_lab_and_up_replaces_a_lab_left_behind()
    {
        RequireRoot();
        var options = Options(firstSubnet: 340);
        LabNetwork.Up(options); // left behind, as after a crash
        var name = "test-labo-" + options.Prefix;
        var lab = await LiveResources.ReplaceAsync(name, () => LabNetwork.TryStartAsync(options));
        Assert.True(lab.IsUp, lab.Reason);
        Assert.Equal(3, LabNetwork.ListNamespaces(options.Prefix).Count);
        await LiveResources.StopAsync(name);
        Assert.False(lab.IsUp);
        AssertNothingLeft(options);
    }
}

public class LabOwnershipTests
{
    [SkippableFact]
    public async Task Disposing_a_lab_replaced_by_another_process_leaves_the_new_one_alone()
    {
        Requires.Root("construire deux labos (espaces de noms réseau)");
        var options = new LabOptions($"nc-o{Random.Shared.Next(0x1000, 0xffff):x4}", 2, 380, 0);
        try
        {
            var first = LabNetwork.Up(options);
            var second = LabNetwork.Up(options); // as another kernel or `netcourse lab up` would: it replaces the first
            await first.DisposeAsync();
            Assert.Equal(3, LabNetwork.ListNamespaces(options.Prefix).Count);
            Assert.True(Directory.Exists($"/sys/class/net/{options.Prefix}0"));
            await second.DisposeAsync();
            Assert.Empty(LabNetwork.ListNamespaces(options.Prefix));
            Assert.False(Directory.Exists($"/sys/class/net/{options.Prefix}0"));
        }
        finally
        {
            LabNetwork.Remove(options.Prefix);
        }
    }
}
