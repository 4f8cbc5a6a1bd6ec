using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// The display-filter evaluator has a fast path for the dissector's own packets (keys and protocol bits resolved once,
/// masks and slices tested without lists, values held inline). Every filter must give the same answer through it as
/// through the plain <see cref="IFieldSource"/> interface.
/// </summary>
public class FilterFastPathTests
{
    /// <summary>Forwards to a packet through the interface only, so the evaluator takes its generic path.</summary>
    private sealed class Plain(IFieldSource inner) : IFieldSource
    {
        public bool HasProtocol(string protocol) => inner.HasProtocol(protocol);
        public IReadOnlyList<FieldValue> GetValues(string field) => inner.GetValues(field);
        public ReadOnlyMemory<byte> GetProtocolBytes(string protocol) => inner.GetProtocolBytes(protocol);
    }

    private static readonly string[] Filters =
    [
        "tcp.flags & 0x02", "tcp.flags & 0x12 == 0x12", "tcp.flags & 0x10", "eth[0] & 1", "eth[0:6] == ff:ff:ff:ff:ff:ff",
        "eth.src[0:3] == 00:00:00", "eth.dst[-1] & 0xff", "ip[0] & 0xf0 == 0x40", "ip.src[3] == 1", "tcp.port == 80",
        "tcp.port != 80", "tcp.port ~= 80", "tcp.port === 80", "udp.port in { 53, 5353 }", "ip.addr == 127.0.0.1",
        "ip.addr != 127.0.0.1", "ip.src == ip.dst", "tcp.srcport > tcp.dstport", "dns.qry.name contains \"a\"",
        "frame contains 47:45:54", "http matches \"http\"", "tcp.analysis.flags", "ip.dst != 224.0.0.0/4 && ip.ttl < 5",
        "icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }", "hsrp.state != 8", "arp", "!tcp", "tcp.len & 1",
        "tcp[13] & 0x02", "udp[0:2] == 00:35", "frame.len > 100", "dns.flags.response == 1",
    ];

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.Captures())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Filters_and_coloring_rules_answer_alike_through_the_fast_and_the_generic_path(string file)
    {
        var filters = Filters.Select(DisplayFilter.Parse).ToArray();
        var rules = ColoringRules.Embedded;
        var packets = 0;
        var matches = 0;
        foreach (var packet in CaptureFileDissector.Read(TestPaths.Capture(file)))
        {
            packets++;
            var plain = new Plain(packet);
            foreach (var filter in filters)
            {
                var fast = filter.Matches(packet);
                Assert.True(fast == filter.Matches(plain), $"{file} n°{packet.Number} : « {filter.Text} »");
                if (fast)
                    matches++;
            }
            Assert.Equal(rules.Match(plain)?.Name, rules.Match(packet)?.Name);
        }
        Assert.True(packets > 0, file);
        Assert.True(matches > 0, file); // the filters are not all trivially false on this capture
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void A_bare_mask_or_slice_is_true_exactly_when_some_masked_value_is_not_zero(string file)
    {
        // A bare "x & m" is tested without building values; "x & m ~= 0" builds them (the comparison path).
        string[] masked = ["tcp.flags & 0x02", "tcp.flags & 0x10", "tcp.flags & 0x04", "eth[0] & 1", "eth.dst[0] & 1", "ip[0] & 0x0f",
            "tcp[13] & 0x12", "udp[1] & 0x01", "tcp.len & 1", "eth.type & 0x0800"];
        var matches = 0;
        foreach (var packet in CaptureFileDissector.Read(TestPaths.Capture(file)))
        {
            foreach (var text in masked)
            {
                var bare = DisplayFilter.Parse(text).Matches(packet);
                Assert.True(bare == DisplayFilter.Parse(text + " ~= 0").Matches(packet), $"{file} n°{packet.Number} : « {text} »");
                if (bare)
                    matches++;
            }
        }
        Assert.True(matches > 0, file);
    }

    [Fact]
    public void A_value_set_holds_zero_one_two_or_many_values_in_order()
    {
        var a = FieldValue.FromInteger(1);
        var b = FieldValue.FromInteger(2);
        var c = FieldValue.FromInteger(3);
        Assert.Equal(0, FieldValueSet.Empty.Count);
        Assert.Empty(FieldValueSet.Empty.ToList());
        Assert.Equal([a], new FieldValueSet(a).ToList());
        Assert.Equal([a, b], new FieldValueSet(a, b).ToList());
        var many = new FieldValueSet([a, b, c]);
        Assert.Equal(3, many.Count);
        var seen = new List<FieldValue>();
        foreach (var v in many)
            seen.Add(v);
        Assert.Equal([a, b, c], seen);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldValueSet(a, b)[2]);
    }
}
