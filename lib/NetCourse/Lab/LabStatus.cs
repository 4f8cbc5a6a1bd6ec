using NetCourse.Html;

namespace NetCourse.Lab;

/// <summary>What of a lab exists on the machine right now.</summary>
/// <param name="Prefix">The lab's name prefix.</param>
/// <param name="Nodes">The machine's lab interface, then each namespace found, with its addresses.</param>
public sealed record LabStatus(string Prefix, IReadOnlyList<LabNode> Nodes) : IHtmlView
{
    /// <summary>True when anything of the lab exists.</summary>
    public bool Exists => Nodes.Count > 0;

    /// <inheritdoc />
    public string ToHtml() => Exists
        ? new HtmlTable($"Labo « {Prefix} »", ["rôle", "nom", "adresses"],
            Nodes.Select(n => (IReadOnlyList<string>)[n.RoleText, n.Name, string.Join(", ", n.Addresses.Select(a => $"{a.Interface} : {a.Address}/{a.PrefixLength}"))]).ToArray()).ToHtml()
        : $"<p>Aucun labo « {HtmlText.Encode(Prefix)} » sur cette machine.</p>";

    /// <inheritdoc />
    public override string ToString() => Exists
        ? string.Join(Environment.NewLine, Nodes.Select(n => n.ToString()))
        : $"Aucun labo « {Prefix} » sur cette machine.";
}
