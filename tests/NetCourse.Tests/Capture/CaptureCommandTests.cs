using System.CommandLine;
using NetCourse.Capture;
using NetCourse.Cli.Capture;

namespace NetCourse.Tests.Capture;

public class CaptureCommandTests
{
    private static async Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { new CaptureCommand().Build() };
        return await root.Parse(["capture", .. args]).InvokeAsync();
    }

    [Theory]
    [InlineData("-c", "0")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "4000")]
    [InlineData("-i", "nc-absent0", "--timeout", "1")]
    [InlineData("-w", "/nonexistent-folder/x.pcap", "--timeout", "1")]
    public async Task Bad_input_exits_with_code_1(params string[] args)
    {
        Assert.Equal(1, await RunAsync(args));
    }

    [Fact]
    public async Task Writes_a_pcap_bounded_by_time_or_says_why_it_cannot()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netcourse-{Guid.NewGuid():N}.pcap");
        try
        {
            var code = await RunAsync("-i", "lo", "-f", "tcp port 1", "-c", "5", "--timeout", "0.5", "-w", path);
            if (!CaptureProbe.Check("lo").CanCapture)
            {
                Assert.Equal(1, code);
                Assert.False(File.Exists(path));
                return;
            }
            Assert.Equal(0, code);
            var capture = PacketTrace.Load(path);
            Assert.Equal(0, capture.Count);
            Assert.Equal(LinkType.Ethernet, capture.LinkType);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
