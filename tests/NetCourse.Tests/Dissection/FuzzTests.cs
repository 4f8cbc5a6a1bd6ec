using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// Every prefix of every hand-built seed, under every link type: nothing escapes the dissector and the captured length
/// is kept. The random and mutated frames at scale are in Reliability/DissectionFuzzAtScaleTests (same seeds).
/// </summary>
public class FuzzTests
{
    [Fact]
    public void Every_prefix_of_every_seed_is_dissected_without_exception()
    {
        foreach (var seed in FuzzSeeds.Built())
        {
            foreach (var linkType in FuzzSeeds.LinkTypes)
            {
                var dissector = new PacketDissector();
                for (var length = 0; length <= seed.Data.Length; length++)
                {
                    var packet = dissector.Dissect(seed.Data[..length], linkType, length, seed.Data.Length);
                    Assert.Equal(length, packet.CapturedLength);
                }
            }
        }
    }
}
