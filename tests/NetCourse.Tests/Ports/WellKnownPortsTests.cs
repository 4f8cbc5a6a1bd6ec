using NetCourse.Ports;

namespace NetCourse.Tests.Ports;

public class WellKnownPortsTests
{
    [Theory]
    [InlineData(21, "FTP")]
    [InlineData(22, "SSH")]
    [InlineData(25, "SMTP")]
    [InlineData(53, "DNS")]
    [InlineData(80, "HTTP")]
    [InlineData(443, "HTTPS")]
    public void The_ports_of_the_source_are_in_the_table(int port, string service) =>
        Assert.Equal(service, WellKnownPorts.Find(port)?.Service);

    [Fact]
    public void Ports_are_unique_and_ordered() =>
        Assert.Equal(WellKnownPorts.All.Select(p => p.Number).Order(), WellKnownPorts.All.Select(p => p.Number).Distinct());

    [Theory]
    [InlineData(0, "système")]
    [InlineData(1023, "système")]
    [InlineData(1024, "enregistré")]
    [InlineData(49151, "enregistré")]
    [InlineData(49152, "dynamique")]
    [InlineData(65535, "dynamique")]
    public void Ranges_follow_the_iana(int port, string range) => Assert.StartsWith(range, WellKnownPorts.RangeOf(port));

    [Fact]
    public void Out_of_range_ports_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WellKnownPorts.RangeOf(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WellKnownPorts.RangeOf(65536));
    }

    [Fact]
    public void The_table_has_one_row_per_port() =>
        Assert.Equal(WellKnownPorts.All.Count, WellKnownPorts.Table().Rows.Count);
}
