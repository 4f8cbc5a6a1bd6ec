using System.Globalization;
using System.Net;
using System.Text;
using NetCourse.Capture;
using NetCourse.Dissection;
using NetCourse.Dissection.Follow;
using NetCourse.Platform;
using PacketDotNet;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// The library's Follow TCP Stream (what `netcourse dissect FILE -q -z follow,tcp,MODE,N` prints) against `tshark -r FILE -q -z follow,tcp,MODE,N`, byte for byte, on
/// every TCP stream of every capture in data/, and on a capture made here that holds every awkward case Wireshark's
/// follow handles (out of order, overlapping retransmission with new bytes, duplicate, bytes the capture missed but
/// the peer acknowledged, IPv6).
/// </summary>
public sealed class FollowTsharkParityTests : IDisposable
{
    private static readonly string[] Modes = ["ascii", "hex", "raw"];
    private readonly string _dir = Directory.CreateTempSubdirectory("netcourse-follow-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestPaths.Captures())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Captures))]
    public void Every_tcp_stream_follows_as_tshark_prints_it(string name)
    {
        Requires.Tool("tshark", "tshark");
        var path = TestPaths.Capture(name);
        var streams = StreamsByTshark(path);
        foreach (var stream in streams)
        {
            foreach (var mode in Modes)
                AssertSameAsTshark(path, $"follow,tcp,{mode},{stream}");
        }
    }

    [SkippableFact]
    public void Data_holds_tcp_streams_to_follow()
    {
        Requires.Tool("tshark", "tshark");
        var total = TestPaths.Captures().Sum(file => StreamsByTshark(file).Count);
        Assert.True(total >= 5, $"data/ ne contient que {total} flux TCP");
    }

    [SkippableFact]
    public void Awkward_segments_follow_as_tshark_prints_them()
    {
        Requires.Tool("tshark", "tshark");
        var path = Path.Combine(_dir, "awkward.pcap");
        AwkwardCapture().WritePcap(path);
        Assert.Equal([0, 1], StreamsByTshark(path));
        foreach (var mode in Modes)
        {
            AssertSameAsTshark(path, $"follow,tcp,{mode},0");
            AssertSameAsTshark(path, $"follow,tcp,{mode},1");
        }
        AssertSameAsTshark(path, "follow,tcp,ascii,0,2-4");
        var ascii = Follow(path, "follow,tcp,ascii,0");
        // The capture really exercises the gap marker and the IPv6 node lines.
        Assert.Contains("[12 bytes missing in capture file].", ascii, StringComparison.Ordinal);
        Assert.Contains("Node 0: [::1]:40001", Follow(path, "follow,tcp,ascii,1"), StringComparison.Ordinal);
    }

    private static void AssertSameAsTshark(string path, string argument)
    {
        var tshark = ExternalCommand.Run("tshark", ["-n", "-r", path, "-q", "-z", argument], TimeSpan.FromSeconds(120));
        Assert.True(tshark.Succeeded, tshark.Error);
        Assert.Equal(tshark.Output, Follow(path, argument));
    }

    /// <summary>The library's follow of <paramref name="argument"/> (tshark's <c>-z</c> form), as <c>netcourse dissect -q -z</c> prints it.</summary>
    private static string Follow(string path, string argument)
    {
        Assert.True(FollowRequest.TryParse(argument, out var request, out var problem), problem);
        var stream = TcpStreamFollower.Follow(CaptureFileDissector.Read(path, TcpStreamFollower.RequiredFields), request!.Stream);
        Assert.True(stream is not null, $"{Path.GetFileName(path)} : flux {request.Stream} absent");
        using var output = new StringWriter { NewLine = "\n" };
        FollowTextWriter.Write(stream, output, request.Mode, request.FirstChunk, request.LastChunk);
        var text = output.ToString();
        Assert.DoesNotContain(text, c => c >= 0x80);
        return text;
    }

    private static List<int> StreamsByTshark(string path)
    {
        var result = ExternalCommand.Run("tshark", ["-n", "-r", path, "-T", "fields", "-e", "tcp.stream"], TimeSpan.FromSeconds(120));
        Assert.True(result.Succeeded, result.Error);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => line.Split(','))
            .Select(v => int.Parse(v, CultureInfo.InvariantCulture))
            .Distinct().Order().ToList();
    }

    /// <summary>Two conversations: IPv4 with every awkward case, then a short IPv6 one.</summary>
    internal static PacketTrace AwkwardCapture()
    {
        var frames = new List<byte[]>();
        void A(uint seq, uint ack, string data = "", bool syn = false, bool fin = false, bool ackFlag = true) =>
            frames.Add(Frames.EthernetTcp(Frames.Tcp(40000, 80, seq, ack, syn: syn, ackFlag: ackFlag, fin: fin, psh: data.Length > 0, payload: Bytes(data))));
        void B(uint seq, uint ack, string data = "", bool syn = false, bool fin = false) =>
            frames.Add(Frames.EthernetTcp(Frames.Tcp(80, 40000, seq, ack, syn: syn, ackFlag: true, fin: fin, psh: data.Length > 0, payload: Bytes(data)), reverse: true));
        A(1000, 0, syn: true, ackFlag: false);
        B(5000, 1001, syn: true);
        A(1001, 5001);
        A(1001, 5001, "GET /a HTTP/1.1\r\n");             // 17 bytes: 1001..1018
        A(1028, 5001, "part three\n");                    // arrives early: 1028..1039
        A(1018, 5001, "part two!\n");                     // fills the gap: 1018..1028
        A(1030, 5001, "rt three\nand more <b>");          // overlaps 1030..1039, adds 1039..1051
        A(1001, 5001, "GET /a HTTP/1.1\r\n");             // a duplicate: nothing new
        B(5001, 1051, "HTTP/1.1 200 OK\r\n");             // 5001..5018
        B(5030, 1051, "tail\u0001\u0002 bin\tary");        // 5030..5044; 5018..5030 never captured
        A(1051, 5044);                                    // acknowledges them: a gap marker
        A(1051, 5044, "merci\n", fin: true);
        B(5044, 1058, fin: true);
        A(1058, 5045);
        var src = IPAddress.IPv6Loopback;
        void V6(ushort from, ushort to, uint seq, uint ack, string data = "", bool syn = false, bool ackFlag = true)
        {
            var tcp = Frames.Tcp(from, to, seq, ack, syn: syn, ackFlag: ackFlag, psh: data.Length > 0, payload: Bytes(data));
            var ip = new IPv6Packet(src, src) { PayloadPacket = tcp, HopLimit = 64 };
            ip.UpdateCalculatedValues();
            tcp.UpdateCalculatedValues();
            frames.Add(Frames.Ethernet(ip, EthernetType.IPv6));
        }
        V6(40001, 443, 70, 0, syn: true, ackFlag: false);
        V6(443, 40001, 900, 71, syn: true);
        V6(40001, 443, 71, 901, "bonjour");
        V6(443, 40001, 901, 78, "salut");
        var start = 1_795_000_000_000_000_000L;
        var captured = frames.Select((bytes, i) => new CapturedFrame(start + i * 1_000_000L, bytes.Length, bytes)).ToList();
        return new PacketTrace(1, captured, "follow-awkward");
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}
