using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// The colouring rules skip a rule whose filter needs protocols the packet lacks. The skip must never change the
/// verdict: these tests check what each filter needs, and that the rule found is the one a plain evaluation finds.
/// </summary>
public class ColoringPrefilterTests
{
    private static ulong Bits(params string[] protocols) =>
        protocols.Aggregate(0UL, (mask, p) => mask | 1UL << ProtocolIds.Of(p));

    public static TheoryData<string, string[]?> Needs() => new()
    {
        { "tcp", ["tcp"] },
        { "icmp || icmpv6", ["icmp", "icmpv6"] },
        { "tcp.flags.reset eq 1", ["tcp"] },
        { "ipv6.fraghdr.offset > 0", ["ipv6"] },
        { "ipv6.fraghdr", ["ipv6", "ipv6.fraghdr"] },
        { "dns", ["dns", "mdns"] },
        // Both sides of && must hold: either side's protocols are a necessary condition (the narrower is kept).
        { "tcp && ip.ttl < 5", ["tcp"] },
        { "ip.ttl < 5 && (tcp || udp)", ["ip"] },
        { "hsrp.state != 8 && hsrp.state != 16", [] },
        { "eth[0] & 1", ["eth"] },
        // A negation, frame fields and Wireshark's own fields need nothing.
        { "!tcp", null },
        { "tcp || !udp", null },
        { "frame.len > 60", null },
        { "_ws.malformed", null },
    };

    [Theory]
    [MemberData(nameof(Needs))]
    public void A_filter_needs_the_protocols_it_tests(string filter, string[]? protocols)
    {
        var needed = DisplayFilter.Parse(filter).NeededProtocols;
        Assert.Equal(protocols is null ? ulong.MaxValue : Bits(protocols), needed);
    }

    [Fact]
    public void Skipping_rules_by_protocol_never_changes_the_rule_found()
    {
        var rules = ColoringRules.Embedded;
        var packets = 0;
        foreach (var file in TestPaths.Captures())
        {
            foreach (var packet in CaptureFileDissector.Read(file))
            {
                var plain = rules.Rules.FirstOrDefault(r => r.Matches(packet));
                Assert.True(ReferenceEquals(plain, rules.Match(packet)),
                    $"{Path.GetFileName(file)} paquet {packet.Number} : {rules.Match(packet)?.Name} au lieu de {plain?.Name}");
                packets++;
            }
        }
        Assert.True(packets > 100, $"{packets} paquets seulement dans data/");
    }
}
