using System.Net;
using NetCourse.Lab;

namespace NetCourse.Tests.Lab;

/// <summary>Chapter 8's code exercise: a student's TTL loop, on the recorded trace (no root) — the solution passes, the starting code and wrong loops are told what they sent.</summary>
public class TtlLoopCheckTests
{
    internal static async Task<List<IPAddress?>> Solution(Func<int, Task<ProbeReply>> sonde)
    {
        var route = new List<IPAddress?>();
        for (var ttl = 1; ttl <= 30; ttl++)
        {
            var reponse = await sonde(ttl);
            route.Add(reponse.From);
            if (reponse.Reached) break;
        }
        return route;
    }

    private static async Task<List<IPAddress?>> WhileVariant(Func<int, Task<ProbeReply>> sonde)
    {
        var route = new List<IPAddress?>();
        var ttl = 0;
        ProbeReply reponse;
        do
        {
            reponse = await sonde(++ttl);
            route.Add(reponse.From);
        }
        while (!reponse.Reached && ttl < 30);
        return route;
    }

    private static async Task<List<IPAddress?>> StartingCode(Func<int, Task<ProbeReply>> sonde)
    {
        var route = new List<IPAddress?>();
        for (var ttl = 1; ttl <= 30; ttl++)
        {
            var reponse = await sonde(ttl);
            route.Add(reponse.From);
        }
        return route;
    }

    private static async Task<List<IPAddress?>> StartsAtTwo(Func<int, Task<ProbeReply>> sonde)
    {
        var route = new List<IPAddress?>();
        for (var ttl = 2; ttl <= 30; ttl++)
        {
            var reponse = await sonde(ttl);
            route.Add(reponse.From);
            if (reponse.Reached) break;
        }
        return route;
    }

    private static async Task<List<IPAddress?>> Endless(Func<int, Task<ProbeReply>> sonde)
    {
        while (true) await sonde(1);
    }

    private static readonly IPAddress Host = IPAddress.Parse("198.18.3.2");

    [Fact]
    public async Task The_solution_and_a_do_while_variant_find_the_recorded_route_and_stop_there()
    {
        foreach (var loop in new Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress?>>>[] { Solution, WhileVariant })
        {
            var report = await TtlLoopCheck.RunAsync(loop);
            Assert.True(report.Passed, report.Feedback);
            Assert.Equal([1, 2, 3], report.Ttls);
            Assert.Equal(Host, report.Route![^1]);
            Assert.Equal(3, report.Route.Count);
        }
    }

    [Fact]
    public async Task The_starting_code_is_told_it_went_on_after_the_destination_answered()
    {
        var report = await TtlLoopCheck.RunAsync(StartingCode);
        Assert.False(report.Passed);
        Assert.Equal(30, report.Probes.Count);
        Assert.Contains("a répondu dès le TTL 3, mais votre boucle a continué jusqu'au TTL 30 (27 sonde(s) de trop", report.Feedback);
    }

    [Fact]
    public async Task A_loop_that_starts_at_ttl_2_is_told_the_first_router_was_never_probed()
    {
        var report = await TtlLoopCheck.RunAsync(StartsAtTwo);
        Assert.False(report.Passed);
        Assert.Contains("commence au TTL 2", report.Feedback);
        Assert.Contains("198.18.1.2", report.Feedback);
    }

    [Fact]
    public async Task An_endless_loop_is_stopped_after_the_probe_limit()
    {
        var report = await TtlLoopCheck.RunAsync(Endless);
        Assert.False(report.Passed);
        Assert.Equal(TtlLoopCheck.MaxProbes, report.Probes.Count);
        Assert.Contains($"plus de {TtlLoopCheck.MaxProbes} sondes", report.Feedback);
    }
}
