namespace NetCourse.Addressing;

/// <summary>The classification of one IP address.</summary>
/// <param name="Input">The text given.</param>
/// <param name="Version">4, 6, or 0 when the text is not an IP address.</param>
/// <param name="Scope">What kind of address it is.</param>
/// <param name="Range">The range it belongs to (127.0.0.0/8 …), or an empty string.</param>
/// <param name="Explanation">A French sentence explaining it.</param>
public sealed record AddressClass(string Input, int Version, AddressScope Scope, string Range, string Explanation)
{
    /// <summary>True for addresses that are never routed on the Internet (private, loopback, link-local, CGNAT, lab …).</summary>
    public bool IsNotRoutedOnInternet => Scope is not (AddressScope.Public or AddressScope.Invalid or AddressScope.Multicast);

    /// <summary>The scope in one French word or two (publique, privée, boucle locale …).</summary>
    public string ScopeFrench => Scope switch
    {
        AddressScope.Invalid => "invalide",
        AddressScope.Loopback => "boucle locale",
        AddressScope.Private => "privée",
        AddressScope.LinkLocal => "lien local",
        AddressScope.SharedCgnat => "partagée (CGNAT)",
        AddressScope.Benchmark => "laboratoire (tests)",
        AddressScope.Documentation => "documentation",
        AddressScope.Multicast => "multidiffusion",
        AddressScope.Unspecified => "non spécifiée",
        AddressScope.Broadcast => "diffusion",
        AddressScope.Reserved => "réservée",
        _ => "publique",
    };
}
