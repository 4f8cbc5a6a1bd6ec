using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

public class FuzzTests
{
    private static readonly int[] LinkTypes = [1, 113, 276, 0, 108, 101, 12, 228, 229, 9, 50];

    private static byte[][] Seeds()
    {
        var ip = Frames.BareIpSyn();
        return
        [
            Frames.EthernetTcp(Frames.Tcp(40000, 80, 1, 1, ackFlag: true, psh: true, payload: "GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray())),
            Frames.Udp(50000, 53, Frames.DnsQuery(1, "a.b.test", true)),
            Frames.Arp(PacketDotNet.ArpOperation.Request),
            Frames.IcmpEcho(1, 1),
            Frames.Ipv6Udp(1, 2, [1, 2, 3, 4]),
            Frames.Sll(ip),
            Frames.Null(ip),
            Frames.Ppp(ip),
            ip,
        ];
    }

    [Fact]
    public void Twenty_thousand_random_and_mutated_frames_of_every_link_type_never_throw()
    {
        var random = new Random(20261124);
        var seeds = Seeds();
        var dissector = new PacketDissector();
        const int count = 20_000;
        for (var i = 0; i < count; i++)
        {
            byte[] frame;
            if (i % 4 == 0)
            {
                frame = new byte[random.Next(0, 200)];
                random.NextBytes(frame);
            }
            else
            {
                frame = (byte[])seeds[random.Next(seeds.Length)].Clone();
                var flips = random.Next(1, 8);
                for (var k = 0; k < flips && frame.Length > 0; k++)
                    frame[random.Next(frame.Length)] = (byte)random.Next(256);
                if (random.Next(3) == 0)
                    frame = frame[..random.Next(frame.Length + 1)];
            }
            var linkType = LinkTypes[random.Next(LinkTypes.Length)];
            var original = random.Next(3) == 0 ? frame.Length + random.Next(0, 100) : frame.Length;
            var packet = dissector.Dissect(frame, linkType, 1000m + i / 1000m, original);
            Assert.Equal(i + 1, packet.Number);
            _ = packet.FieldText("tcp.seq") + packet.Info + packet.FieldText("dns.qry.name");
        }
        Assert.Equal(count, dissector.Count);
    }

    [Fact]
    public void Every_prefix_of_every_seed_is_dissected_without_exception()
    {
        foreach (var seed in Seeds())
        {
            foreach (var linkType in LinkTypes)
            {
                var dissector = new PacketDissector();
                for (var length = 0; length <= seed.Length; length++)
                {
                    var packet = dissector.Dissect(seed[..length], linkType, length, seed.Length);
                    Assert.Equal(length, packet.CapturedLength);
                }
            }
        }
    }
}
