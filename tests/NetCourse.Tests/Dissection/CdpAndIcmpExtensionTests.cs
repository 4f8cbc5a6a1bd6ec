using System.Buffers.Binary;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>
/// Two Info columns of captures nobody here wrote (filesamples_teardrop frame 5, sanders_icmp_traceroute frames
/// 26/28/30), rebuilt from bytes. packet-cdp.c appends « Device ID: X  » and « Port ID: Y  » to a cleared Info.
/// packet-icmp.c reads extension objects after an error's quoted datagram when the message is over 8 + 128 bytes
/// and the quoted datagram claims at most 128: at 8 + 4 × its RFC 4884 length byte (128 when 0); past the end it
/// throws, and tshark appends « [Malformed Packet] » with no space. tshark 4.0.17 on a pcap of these frames prints
/// the Info columns asserted below; the second test compares them with tshark when it is installed.
/// </summary>
public class CdpAndIcmpExtensionTests
{
    private static byte[] Ethernet(byte[] ip) =>
        [0x02, 0, 0, 0, 0, 0x0b, 0x02, 0, 0, 0, 0, 0x0a, 0x08, 0x00, .. ip];

    private static byte[] Ipv4(byte protocol, byte[] payload, byte ttl, byte lastOctet)
    {
        var header = new byte[20];
        header[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(20 + payload.Length));
        header[8] = ttl;
        header[9] = protocol;
        byte[] source = [198, 18, 0, 2], destination = [198, 18, 1, lastOctet];
        source.CopyTo(header, 12);
        destination.CopyTo(header, 16);
        return [.. header, .. payload];
    }

    /// <summary>A time exceeded quoting a 92-byte ping, with <paramref name="words"/> in the RFC 4884 length byte and <paramref name="trailing"/> bytes after the quote.</summary>
    private static byte[] TimeExceeded(byte words, int trailing)
    {
        byte[] echo = [8, 0, 0, 0, 0, 5, 0, 68, .. new byte[64]];
        byte[] icmp = [11, 0, 0, 0, words > 0 ? (byte)0xff : (byte)0, words, 0, 0, .. Ipv4(1, echo, 1, 1), .. new byte[trailing]];
        return Ethernet(Ipv4(1, icmp, 64, 1));
    }

    private static byte[] Cdp()
    {
        byte[] tlvs = [0, 1, 0, 12, .. "router-1"u8, 0, 3, 0, 13, .. "Ethernet0"u8, 0, 4, 0, 8, 0, 0, 0, 1];
        byte[] llc = [0xaa, 0xaa, 0x03, 0, 0, 0x0c, 0x20, 0x00, 2, 180, 0, 0, .. tlvs];
        byte[] length = [(byte)(llc.Length >> 8), (byte)llc.Length];
        return [0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc, 0x02, 0, 0, 0, 0, 0x0a, .. length, .. llc];
    }

    private static readonly byte[][] Frames = [TimeExceeded(93, 48), TimeExceeded(0, 48), TimeExceeded(93, 20), Cdp()];

    private static List<DissectedPacket> Dissect()
    {
        var dissector = new PacketDissector();
        return [.. Frames.Select((f, i) => dissector.Dissect(f, 1, 1000m + i, f.Length))];
    }

    [Fact]
    public void Cdp_and_icmp_extension_offsets_show_as_tshark_shows_them()
    {
        var packets = Dissect();
        const string Exceeded = "Time-to-live exceeded (Time to live exceeded in transit)";
        Assert.Equal(Exceeded + "[Malformed Packet]", packets[0].Info); // extensions at 8 + 372, past 148 bytes
        Assert.True(packets[0].IsMalformed);
        Assert.Equal("[Malformed Packet: ICMP]", packets[0].FieldText("_ws.malformed"));
        Assert.Equal(Exceeded, packets[1].Info); // length byte 0: extensions at 8 + 128, inside the message
        Assert.False(packets[1].IsMalformed);
        Assert.Equal(Exceeded, packets[2].Info); // 120 bytes: no extensions are read
        Assert.False(packets[2].IsMalformed);
        Assert.Equal("CDP", packets[3].Protocol);
        Assert.Equal("Device ID: router-1  Port ID: Ethernet0  ", packets[3].Info);
        Assert.Equal("Routing", ColoringRules.Embedded.Match(packets[3])?.Name);
    }

    [SkippableFact]
    public void The_same_frames_read_by_tshark_give_the_same_info_column()
    {
        Requires.Tool("tshark", "tshark");
        var path = Path.Combine(Path.GetTempPath(), $"netcourse-cdp-icmp-{Environment.ProcessId}.pcap");
        try
        {
            var frames = Frames.Select((f, i) => new CapturedFrame((1000L + i) * 1_000_000_000L, f.Length, f)).ToList();
            new PacketTrace(1, frames, "cdp-icmp").WritePcap(path);
            var theirs = TsharkProcess.Run("-n", "-r", path, "-T", "fields", "-e", "_ws.col.Protocol", "-e", "_ws.col.Info")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(theirs, Dissect().Select(p => $"{p.Protocol}\t{p.Info}"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
