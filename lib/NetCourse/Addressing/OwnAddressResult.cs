using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>This machine's own IP address as found by the UDP "connect" trick, or by the interfaces when there is no route.</summary>
/// <param name="Target">The destination the UDP socket was connected to (nothing is sent to it).</param>
/// <param name="Address">The address found, or an empty string.</param>
/// <param name="Method">How it was found: "udp-connect" or "interfaces".</param>
/// <param name="Explanation">A French explanation of what happened.</param>
public sealed record OwnAddressResult(string Target, string Address, string Method, string Explanation) : IHtmlView
{
    /// <inheritdoc />
    public string ToHtml() => Method == "routes"
        ? $"<div style=\"font-family:sans-serif\"><b>Sans route, pas d'adresse source</b> <span style=\"color:#666\">(méthode : lecture de la table de routage)</span><br/>{HtmlText.Encode(Explanation)}</div>"
        : Method == "refusé"
        ? $"<div style=\"font-family:sans-serif;color:#a00\"><b>Cible « {HtmlText.Encode(Target)} » refusée</b><br/>{HtmlText.Encode(Explanation)}</div>"
        : $"<div style=\"font-family:sans-serif\"><b>Mon adresse : {HtmlText.Encode(Address.Length == 0 ? "introuvable" : Address)}</b> " +
          $"<span style=\"color:#666\">(méthode : {HtmlText.Encode(Method == "udp-connect" ? "connexion UDP vers " + Target : "lecture des interfaces")})</span>" +
          $"<br/>{HtmlText.Encode(Explanation)}</div>";

    /// <inheritdoc />
    public override string ToString() => $"{Address} ({Method}) — {Explanation}";
}
