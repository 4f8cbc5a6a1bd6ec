using System.Net;
using NetCourse.Lab;

namespace NetCourse.Tests.Lab;

/// <summary>Linux's UDP traceroute read from data/08-traceroute-udp.pcap: each probe paired with its answer by the quoted ports.</summary>
public class UdpTracerouteTests
{
    [Fact]
    public void The_recorded_trace_pairs_each_probe_with_its_answer_and_ends_on_port_unreachable()
    {
        var udp = UdpTraceroute.Recorded();
        Assert.Equal(9, udp.Probes.Count);
        Assert.Equal(Enumerable.Range(UdpTraceroute.FirstPort, 9), udp.Probes.Select(p => p.DestinationPort));
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3, 3], udp.Probes.Select(p => p.Ttl));
        Assert.All(udp.Probes.Take(3), p => Assert.Equal((IPAddress.Parse("198.18.1.2"), IcmpKind.TimeExceeded), (p.AnsweredBy!, p.Kind)));
        Assert.All(udp.Probes.Skip(3).Take(3), p => Assert.Equal((IPAddress.Parse("198.18.2.2"), IcmpKind.TimeExceeded), (p.AnsweredBy!, p.Kind)));
        Assert.Equal(33440, udp.Arrival!.DestinationPort);
        Assert.Equal(IPAddress.Parse("198.18.3.2"), udp.Arrival.AnsweredBy);
        var route = udp.ToTrace();
        Assert.Equal(3, route.ReachedAtTtl);
        Assert.Equal(2, route.Routers.Count);
        Assert.Contains("port unreachable", udp.ToHtml());
    }

    [SkippableFact]
    public async Task Live_in_a_lab_the_udp_trace_finds_both_routers_then_the_host()
    {
        Requires.Root("construire le labo (espaces de noms réseau)");
        var options = new LabOptions($"nc-u{Random.Shared.Next(0x1000, 0xffff):x4}", 2, 420, DelayPerHopMs: 0);
        await using var lab = LabNetwork.Up(options);
        var udp = await UdpTraceroute.LiveOrRecordedAsync(lab);
        Assert.StartsWith("capture en direct", udp.Source);
        Assert.Equal(lab.HostAddress, udp.Arrival?.AnsweredBy);
        Assert.Equal(lab.RouterAddresses, udp.ToTrace().Routers);
        Assert.Equal(UdpTraceroute.FirstPort + 6, udp.Arrival!.DestinationPort);
    }
}
