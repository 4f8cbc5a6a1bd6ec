using System.Diagnostics;
using System.Globalization;
using NetCourse.Capture;
using NetCourse.Dissection;
using NetCourse.Tests.Dissection;

namespace NetCourse.Tests.Reliability;

/// <summary>
/// Dissection fuzz at scale (issue 6): random frames and mutations of every real frame in data/ plus hand-built
/// seeds, across every link type the dissector knows (and unknown ones). Nothing may escape the dissector, every frame
/// is listed in order (count in = count out), and a frame cut short while its link type says nothing was cut by the
/// snap length is marked malformed. The full million runs in `dotnet test` (13 s on this 2-core machine);
/// NETCOURSE_FUZZ_FRAMES=N changes the count.
/// </summary>
[Collection(SerialCollection.Name)]
[Trait("Category", "Reliability")]
public class DissectionFuzzAtScaleTests
{

    internal static int FrameCount =>
        int.TryParse(Environment.GetEnvironmentVariable("NETCOURSE_FUZZ_FRAMES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : 1_000_000;

    /// <summary>Every frame of every capture in data/, then the shared hand-built seeds.</summary>
    private static List<RawFrame> Seeds()
    {
        var seeds = TestPaths.Captures().SelectMany(CaptureFileReader.ReadRaw).ToList();
        seeds.AddRange(FuzzSeeds.Built());
        return seeds;
    }

    /// <summary>Where the fixed network header (IPv4 20, IPv6 40, ARP 28 bytes) of an intact frame ends; 0 if none.</summary>
    private static int HeaderEnd(RawFrame seed)
    {
        var packet = new PacketDissector().Dissect(seed.Data, seed.LinkType, seed.Timestamp, seed.OriginalLength);
        if (packet.IsMalformed || packet.Layers.Count < 3) return 0;
        var network = packet.Layers[2];
        var size = network.Protocol switch { "ip" => 20, "ipv6" => 40, "arp" => 28, _ => 0 };
        return size == 0 ? 0 : network.Offset + size;
    }

    [Fact]
    public void Random_and_mutated_frames_of_every_link_type_are_all_listed_and_none_throws()
    {
        var count = FrameCount;
        var seeds = Seeds();
        var headerEnds = seeds.ToDictionary(s => (object)s, HeaderEnd, ReferenceEqualityComparer.Instance);
        Assert.True(seeds.Count > 50, $"seulement {seeds.Count} trames de départ");
        var random = new Random(6_2026_11_24);
        var dissector = new PacketDissector();
        long listed = 0, malformed = 0, truncatedSeeds = 0, truncatedMarked = 0, random0 = 0;
        var linkTypesSeen = new HashSet<int>();
        var escaped = new List<string>();
        var watch = Stopwatch.StartNew();
        var time = 1_700_000_000m;
        for (var i = 0; i < count; i++)
        {
            byte[] frame;
            int linkType, original;
            var truncatedIntact = false;
            var kind = random.Next(10);
            if (kind < 2)
            {
                // Pure noise, any link type.
                frame = new byte[random.Next(0, 400)];
                random.NextBytes(frame);
                linkType = FuzzSeeds.LinkTypes[random.Next(FuzzSeeds.LinkTypes.Length)];
                original = frame.Length + (random.Next(4) == 0 ? random.Next(0, 200) : 0);
                random0++;
            }
            else
            {
                var seed = seeds[random.Next(seeds.Count)];
                frame = (byte[])seed.Data.Clone();
                linkType = kind == 2 ? FuzzSeeds.LinkTypes[random.Next(FuzzSeeds.LinkTypes.Length)] : seed.LinkType;
                original = frame.Length;
                if (kind <= 6)
                {
                    // Byte flips, sometimes a header's length or flag byte, sometimes anywhere.
                    var flips = random.Next(1, 10);
                    for (var k = 0; k < flips && frame.Length > 0; k++)
                        frame[random.Next(Math.Min(frame.Length, random.Next(2) == 0 ? 64 : frame.Length))] = (byte)random.Next(256);
                    if (random.Next(3) == 0) frame = frame[..random.Next(frame.Length + 1)];
                    if (random.Next(4) == 0) original = frame.Length + random.Next(0, 1500);
                }
                else if (kind <= 8)
                {
                    // An intact frame cut inside its link or network header while on the wire it was as long as captured
                    // (not a snap length): Wireshark calls that malformed.
                    if (headerEnds[seed] is var end and > 0 && linkType == seed.LinkType)
                    {
                        var cut = random.Next(end);
                        frame = frame[..cut];
                        original = cut;
                        truncatedIntact = true;
                    }
                }
                else
                {
                    // Extra trailing bytes or a frame cut by the snap length (original longer than captured).
                    if (random.Next(2) == 0)
                    {
                        var extra = new byte[random.Next(1, 64)];
                        random.NextBytes(extra);
                        frame = [.. frame, .. extra];
                        original = frame.Length;
                    }
                    else if (frame.Length > 0)
                    {
                        var cut = random.Next(frame.Length);
                        original = Math.Max(frame.Length, seed.OriginalLength);
                        frame = frame[..cut];
                    }
                }
            }
            time += random.Next(0, 5) / 1000m;
            DissectedPacket packet;
            try
            {
                packet = dissector.Dissect(frame, linkType, time, original);
                // Everything a packet list or a filter reads must not throw either.
                _ = packet.Info + packet.Protocol + packet.Source + packet.Destination + packet.FieldText("tcp.seq")
                    + packet.FieldText("dns.qry.name") + packet.FieldText("http.request.uri") + packet.FieldText("frame.protocols");
                foreach (var layer in packet.Layers) _ = layer.Title;
            }
            catch (Exception e)
            {
                if (escaped.Count < 10)
                    escaped.Add($"trame {i + 1} (lien {linkType}, {frame.Length} octets {Convert.ToHexString(frame.AsSpan(0, Math.Min(frame.Length, 80)))}) : {e.GetType().Name} {e.Message}\n{e.StackTrace}");
                else if (escaped.Count == 10) escaped.Add("…");
                continue;
            }
            listed++;
            linkTypesSeen.Add(packet.LinkType);
            Assert.Equal(i + 1, packet.Number);
            Assert.Equal(frame.Length, packet.CapturedLength);
            if (packet.IsMalformed)
            {
                malformed++;
                Assert.StartsWith("[Malformed Packet", packet.FieldText("_ws.malformed"), StringComparison.Ordinal);
                Assert.Contains("[Malformed Packet]", packet.Info, StringComparison.Ordinal);
            }
            if (truncatedIntact)
            {
                truncatedSeeds++;
                if (packet.IsMalformed) truncatedMarked++;
            }
        }
        Assert.True(escaped.Count == 0, $"{escaped.Count} exception(s) sortie(s) du dissecteur :\n" + string.Join("\n", escaped));
        Assert.Equal(count, listed);
        Assert.Equal(count, dissector.Count);
        Assert.Superset(FuzzSeeds.LinkTypes.ToHashSet(), linkTypesSeen);
        Assert.Equal(FuzzSeeds.LinkTypes.Length, linkTypesSeen.Count);
        Assert.True(malformed > count / 20, $"seulement {malformed} trames marquées malformées sur {count}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz : {count} trames ({random0} aléatoires) en {watch.Elapsed.TotalSeconds:0.0} s, {malformed} malformées, coupées intactes {truncatedMarked}/{truncatedSeeds} marquées"));
        Assert.Equal(truncatedSeeds, truncatedMarked);
    }
}
