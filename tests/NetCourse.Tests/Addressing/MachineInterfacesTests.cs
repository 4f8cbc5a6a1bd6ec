using NetCourse.Addressing;

namespace NetCourse.Tests.Addressing;

public class MachineInterfacesTests
{
    [Fact]
    public void The_loopback_is_listed_first_with_127_0_0_1()
    {
        var list = MachineInterfaces.List();
        var lo = list[0];
        Assert.True(lo.IsLoopback);
        Assert.Equal("boucle locale", lo.Kind);
        Assert.Contains(lo.Addresses, a => a.StartsWith("127.0.0.1", StringComparison.Ordinal));
        Assert.Equal("", lo.Mac);
        Assert.All(list, i => Assert.True(i.SpeedMbps is null or > 0 and < uint.MaxValue, $"{i.Name} : {i.SpeedMbps}"));
    }

    [Fact]
    public void Table_and_drawing_show_every_interface()
    {
        var list = MachineInterfaces.List();
        var table = MachineInterfaces.Table(list);
        Assert.Equal(list.Count, table.Rows.Count);
        var svg = NetworkDrawings.Interfaces(list).ToHtml();
        foreach (var nic in list.Take(10))
            Assert.Contains(nic.Name, svg, StringComparison.Ordinal);
        Assert.StartsWith("<div", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", svg.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Mac_is_formatted_with_colons_and_zeros_mean_none()
    {
        Assert.Equal("02:42:ac:11:00:02", MachineInterfaces.FormatMac([0x02, 0x42, 0xac, 0x11, 0x00, 0x02]));
        Assert.Equal("", MachineInterfaces.FormatMac([0, 0, 0, 0, 0, 0]));
        Assert.Equal("", MachineInterfaces.FormatMac([]));
    }

    [Fact]
    public void Lan_drawing_has_one_box_per_client_and_marks_wireless_ones()
    {
        var svg = NetworkDrawings.Lan(clients: 5, wireless: 2).Svg;
        for (var i = 1; i <= 5; i++)
            Assert.Contains($"client {i}", svg, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(svg, ">sans fil<"));
        Assert.Equal(3, CountOf(svg, ">filaire<"));
        Assert.Contains("serveur", svg, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
