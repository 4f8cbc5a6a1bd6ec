using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Tests.Dissection;

/// <summary>Chapter 6's filter exercises, on the repository's captures: right filters and their variants pass; wrong ones are told which frames they kept wrongly or missed.</summary>
public class DisplayFilterCheckTests
{
    private static readonly IReadOnlyList<DissectedPacket> Handshake = CourseData.Load("06-tcp-handshake.pcap").Dissect();
    private static readonly IReadOnlyList<DissectedPacket> Retransmissions = CourseData.Load("06-retransmissions.pcap").Dissect();

    [Theory]
    [InlineData("tcp.len > 0")]
    [InlineData("tcp.len >= 1")]
    [InlineData("tcp.len != 0")]
    [InlineData("tcp.flags.push == 1")]
    public void Filters_that_keep_exactly_the_data_segments_pass(string filter)
    {
        var report = DisplayFilterCheck.Check(Handshake, filter, FilterTarget.ApplicationData);
        Assert.True(report.Passed, report.Feedback);
        Assert.Equal(2, report.Kept.Count);
    }

    [Fact]
    public void A_filter_that_keeps_too_much_names_each_frame_kept_wrongly_with_its_info()
    {
        var report = DisplayFilterCheck.Check(Handshake, "tcp", FilterTarget.ApplicationData);
        Assert.False(report.Passed);
        Assert.Equal(8, report.WronglyKept.Count);
        Assert.Empty(report.Missed);
        Assert.Contains("Gardés à tort : n° 1 (", report.Feedback);
        Assert.Contains("[SYN]", report.Feedback);
    }

    [Fact]
    public void A_filter_that_misses_frames_names_them()
    {
        var report = DisplayFilterCheck.Check(Handshake, "tcp.len > 0 && tcp.srcport == 12800", FilterTarget.ApplicationData);
        Assert.False(report.Passed);
        Assert.Single(report.Missed);
        Assert.Contains("Oubliés : n° " + report.Missed[0].Number, report.Feedback);
    }

    [Theory]
    [InlineData("???", "à la place de ???")]
    [InlineData("", "à la place de ???")]
    [InlineData("tcp.len >", "ne se lit pas")]
    [InlineData("tcp.lenght > 0", "n'est ni un champ ni un protocole connu")] // as tshark, not a filter that keeps nothing
    public void The_starting_answer_and_an_unreadable_filter_fail_with_one_clear_message(string filter, string said)
    {
        var report = DisplayFilterCheck.Check(Handshake, filter, FilterTarget.ApplicationData);
        Assert.False(report.Passed);
        Assert.Contains(said, report.Feedback);
    }

    [Theory]
    [InlineData("tcp.analysis.flags", true)]
    [InlineData("tcp.analysis.duplicate_ack || tcp.analysis.retransmission", true)]
    [InlineData("tcp.analysis.retransmission", false)]
    public void The_bad_tcp_filter_on_the_lost_segment_capture(string filter, bool passes)
    {
        var report = DisplayFilterCheck.Check(Retransmissions, filter, FilterTarget.TcpTrouble);
        Assert.Equal(passes, report.Passed);
        if (!passes) Assert.Contains("Oubliés : n° 8 ([TCP Dup ACK", report.Feedback);
    }

    [Theory]
    [InlineData("arp.opcode == 1", true)]
    [InlineData("arp", false)]
    public void The_arp_request_filter(string filter, bool passes)
    {
        var report = DisplayFilterCheck.Check(CourseData.Load("07-arp.pcap").Dissect(), filter, FilterTarget.ArpRequests);
        Assert.Equal(passes, report.Passed);
        if (!passes) Assert.Contains("is at", report.Feedback);
    }
}
