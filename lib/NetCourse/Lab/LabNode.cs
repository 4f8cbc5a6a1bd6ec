using System.Net;

namespace NetCourse.Lab;

/// <summary>One node of the lab: its namespace (or the machine), its role and its addresses.</summary>
/// <param name="Name">Namespace name (for the machine: the name of its lab interface).</param>
/// <param name="Role">Machine, router or host.</param>
/// <param name="Addresses">Its IPv4 addresses in the lab, each with its interface (« nc-up » faces the machine, « nc-down » faces the host).</param>
public sealed record LabNode(string Name, LabNodeRole Role, IReadOnlyList<LabInterface> Addresses)
{
    /// <summary>The address facing the machine (the one a traceroute from the machine sees).</summary>
    public IPAddress? FacingMachine
    {
        get
        {
            var first = Addresses.Count > 0 ? Addresses[0].Address : null;
            return Role == LabNodeRole.Machine ? first : Addresses.FirstOrDefault(a => a.Interface == LabPlan.UpLink)?.Address ?? first;
        }
    }

    /// <summary>The role in French.</summary>
    public string RoleText => Role switch
    {
        LabNodeRole.Machine => "machine",
        LabNodeRole.Router => "routeur",
        _ => "hôte",
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"{RoleText,-8} {Name,-12} {string.Join("  ", Addresses.Select(a => $"{a.Interface}={a.Address}/{a.PrefixLength}"))}";
}
