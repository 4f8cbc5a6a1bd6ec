using System.Net;
using NetCourse.Lab;

namespace NetCourse.Tests.Lab;

public class LabPlanTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(6, 1)]
    [InlineData(3, 505)]
    public void Every_address_of_the_plan_is_in_the_lab_block(int routers, int firstSubnet)
    {
        var plan = new LabPlan(new LabOptions(Routers: routers, FirstSubnet: firstSubnet));
        var addresses = plan.Nodes().SelectMany(n => n.Addresses).Select(a => a.Address).ToArray();
        Assert.Equal(2 + 2 * routers, addresses.Length);
        Assert.All(addresses, a => Assert.True(LabOptions.Block.Contains(a), $"{a} hors de 198.18.0.0/15"));
        Assert.Equal(addresses.Length, addresses.Distinct().Count());
        // Every address written in a command is a lab address too.
        foreach (var word in plan.Steps().SelectMany(s => s.Arguments))
        {
            var text = word.Split('/')[0];
            if (text.Count(c => c == '.') == 3 && IPAddress.TryParse(text, out var address))
                Assert.True(LabOptions.Block.Contains(address), $"{word} hors de 198.18.0.0/15");
        }
    }

    [Fact]
    public void The_default_lab_is_machine_two_routers_host()
    {
        var plan = new LabPlan(LabOptions.Default);
        Assert.Equal(["nc-lab-r1", "nc-lab-r2"], plan.Routers);
        Assert.Equal("nc-lab-h1", plan.Host);
        Assert.Equal("nc-lab0", plan.RootInterface);
        Assert.Equal(IPAddress.Parse("198.18.3.2"), plan.HostAddress);
        Assert.Equal([IPAddress.Parse("198.18.1.2"), IPAddress.Parse("198.18.2.2")],
            plan.Nodes().Where(n => n.Role == LabNodeRole.Router).Select(n => n.FacingMachine));
        // Every name the lab creates is recognisable.
        Assert.All(plan.Namespaces.Append(plan.RootInterface), n => Assert.StartsWith("nc-", n));
    }

    [Theory]
    [InlineData("lab", 2, 1)]
    [InlineData("nc-Lab", 2, 1)]
    [InlineData("nc-toolongname", 2, 1)]
    [InlineData("nc-lab", 1, 1)]
    [InlineData("nc-lab", 7, 1)]
    [InlineData("nc-lab", 2, 510)]
    [InlineData("nc-lab", 2, -1)]
    public void Invalid_options_are_refused_in_french(string prefix, int routers, int firstSubnet)
    {
        var options = new LabOptions(prefix, routers, firstSubnet);
        Assert.NotNull(options.Validate());
        var error = Assert.Throws<LabException>(() => LabNetwork.Up(options));
        Assert.Contains("invalide", error.Message);
    }
}

public class LabRemoveTests
{
    [Theory]
    [InlineData("")]
    [InlineData("nc")]
    [InlineData("netcourse")]
    [InlineData("nc-*")]
    public void Remove_refuses_a_prefix_that_is_not_a_lab_prefix(string prefix) =>
        Assert.Throws<ArgumentException>(() => LabNetwork.Remove(prefix));
}
