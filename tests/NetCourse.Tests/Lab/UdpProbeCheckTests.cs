using System.Text;
using NetCourse.Dissection;
using NetCourse.Lab;
using PacketDotNet;

namespace NetCourse.Tests.Lab;

/// <summary>
/// Chapter 7's code exercise: a UDP probe built with PacketDotNet, as a student writes it. Live (root): injected on the
/// lo of a throw-away namespace, the right probe gets ICMP port unreachable, a wrong one is dropped and the feedback
/// names the bad field and the kernel counter that moved; the machine's own sysctls never change. Offline: read back
/// from a pcap file and checked byte by byte.
/// </summary>
public class UdpProbeCheckTests
{
    /// <summary>The chapter's solution.</summary>
    internal static EthernetPacket Solution(ushort port = 33434)
    {
        var datagramme = new UdpPacket(40000, port) { PayloadData = Encoding.ASCII.GetBytes("sonde UDP") };
        var paquet = Encapsulation.InIPv4(datagramme, "127.0.0.1", "127.0.0.1", ttl: 64);
        var trame = Encapsulation.InEthernet(paquet);
        datagramme.UpdateUdpChecksum();
        paquet.UpdateIPChecksum();
        return trame;
    }

    /// <summary>The cell's starting code: the same frame, checksums never computed.</summary>
    private static EthernetPacket StartingCode()
    {
        var datagramme = new UdpPacket(40000, 33434) { PayloadData = Encoding.ASCII.GetBytes("sonde UDP") };
        var paquet = Encapsulation.InIPv4(datagramme, "127.0.0.1", "127.0.0.1", ttl: 64);
        return Encapsulation.InEthernet(paquet);
    }

    private static byte[] WithBadUdpChecksum()
    {
        var bytes = Solution().Bytes;
        bytes[14 + 20 + 6] ^= 0x11;
        return bytes;
    }

    private static string Sysctls() =>
        File.ReadAllText("/proc/sys/net/ipv4/conf/lo/accept_local").Trim() + File.ReadAllText("/proc/sys/net/ipv4/conf/lo/route_localnet").Trim();

    private static void RequireRoot() => Requires.Root("envoyer la sonde dans un espace de noms réseau jetable");

    [SkippableFact]
    public async Task Live_the_right_probe_gets_port_unreachable_quoting_it_and_the_machine_settings_stay()
    {
        RequireRoot();
        var before = Sysctls();
        var report = await UdpProbeCheck.SendAsync(Solution());
        Assert.True(report.WasSent, report.How);
        Assert.True(report.Passed, report.Feedback);
        Assert.NotNull(report.Answer);
        Assert.Equal(3, report.Answer!.GetValue("icmp.code")?.Integer);
        Assert.Contains("Port unreachable", report.Feedback, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Udp NoPorts +1", report.Counters);
        Assert.Equal(before, Sysctls());
    }

    [SkippableFact]
    public async Task Live_the_starting_code_is_dropped_and_told_the_ip_checksum_and_the_counter()
    {
        RequireRoot();
        var report = await UdpProbeCheck.SendAsync(StartingCode());
        Assert.True(report.WasSent, report.How);
        Assert.False(report.Passed);
        Assert.Null(report.Answer);
        Assert.Contains("la somme de contrôle IP vaut 0x0000 au lieu de 0x", report.Feedback);
        Assert.Contains("Aucune réponse en 1,5 s", report.Feedback);
        Assert.Contains(report.Counters, c => c.StartsWith("Ip InCsumErrors", StringComparison.Ordinal) || c.StartsWith("Ip InHdrErrors", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Live_a_wrong_udp_checksum_is_counted_by_the_kernel_and_named()
    {
        RequireRoot();
        var report = await UdpProbeCheck.SendAsync(WithBadUdpChecksum(), allowLive: true);
        Assert.False(report.Passed);
        Assert.Contains("la somme de contrôle UDP vaut", report.Feedback);
        Assert.Contains("Udp InCsumErrors +1", report.Counters);
    }

    [Fact]
    public async Task Offline_the_right_probe_passes_and_the_wrong_ones_fail_with_the_field_named()
    {
        var right = await UdpProbeCheck.SendAsync(Solution().Bytes, allowLive: false);
        Assert.False(right.WasSent);
        Assert.True(right.Passed, right.Feedback);
        Assert.Contains("UDP 127.0.0.1:40000 → 127.0.0.1:33434", right.Feedback);
        var starting = await UdpProbeCheck.SendAsync(StartingCode().Bytes, allowLive: false);
        Assert.False(starting.Passed);
        Assert.Contains("somme de contrôle IP", starting.Feedback);
        var badUdp = await UdpProbeCheck.SendAsync(WithBadUdpChecksum(), allowLive: false);
        Assert.False(badUdp.Passed);
        Assert.Contains("UpdateUdpChecksum()", badUdp.Feedback);
    }

    [Fact]
    public async Task A_probe_outside_the_loopback_or_not_udp_is_refused_without_sending()
    {
        var outside = Solution();
        ((IPv4Packet)outside.PayloadPacket).DestinationAddress = System.Net.IPAddress.Parse("198.51.100.7");
        ((IPv4Packet)outside.PayloadPacket).UpdateIPChecksum();
        var report = await UdpProbeCheck.SendAsync(outside);
        Assert.False(report.WasSent);
        Assert.False(report.Passed);
        Assert.Contains("n'est pas sur la boucle locale", report.Feedback);
        var none = await UdpProbeCheck.SendAsync(null);
        Assert.False(none.Passed);
        Assert.Contains("Il n'y a pas de trame", none.Feedback);
    }
}
