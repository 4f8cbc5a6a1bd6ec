namespace NetCourse.Dissection;

/// <summary>
/// The lesson's simplified colour table (« Mauve / Gris / Rouge = TCP, Noir = paquet avec erreur, Vert = HTTP,
/// Bleu = DNS / UDP »), each line with the real Wireshark rule it stands for and where it is right and wrong.
/// Colours are those of <see cref="ColoringRules.Embedded"/> (Wireshark 4.0.17).
/// </summary>
public static class SourceColorTable
{
    /// <summary>The six lines of the lesson's table, in its order.</summary>
    public static IReadOnlyList<SourceColorEntry> Entries { get; } =
    [
        new("Mauve", "Trafic TCP", "#e7e5ff", "#12272e", ["TCP"],
            "La règle « TCP » peint bien le TCP ordinaire en lavande (#e7e5ff).",
            "Seulement le TCP qu'aucune règle placée avant n'a pris : une ouverture ou une fermeture est grise, un RST rouge, le port 80 vert, une anomalie sur fond sombre."),
        new("Gris", "Trafic TCP", "#a0a0a0", "#12272e", ["TCP SYN/FIN"],
            "Gris (#a0a0a0) est bien du TCP : la règle « TCP SYN/FIN ».",
            "Pas n'importe quel TCP : seulement les segments SYN ou FIN, c'est-à-dire l'ouverture et la fermeture d'une connexion."),
        new("Rouge", "Trafic TCP", "#a40000", "#fffc9c", ["TCP RST", "SCTP ABORT", "TTL low or unexpected"],
            "Le fond rouge foncé (#a40000, texte jaune) marque bien du TCP : la règle « TCP RST » (connexion refusée ou coupée net).",
            "Seulement les RST ; le même rouge sert aussi aux paquets IP au TTL trop bas (règle « TTL low or unexpected ») et aux ABORT de SCTP."),
        new("Noir", "Paquet avec erreur", "#12272e", "#f78787", ["Bad TCP", "Checksum Errors", "ICMP errors", "HSRP State Change", "Spanning Tree Topology  Change", "OSPF State Change"],
            "Un fond très sombre signale bien un problème : « Bad TCP » (retransmission, ACK dupliqué, fenêtre nulle, désordre) en texte rouge sur fond presque noir.",
            "Le fond n'est plus noir pur depuis Wireshark 2 mais bleu nuit (#12272e) ; la couleur du texte distingue les cas (rouge : Bad TCP et sommes de contrôle, vert : erreurs ICMP, jaune : changements de routage)."),
        new("Vert", "Trafic HTTP", "#e4ffc7", "#12272e", ["HTTP"],
            "La règle « HTTP » est vert clair (#e4ffc7).",
            "Elle prend aussi tout le TCP du port 80, même sans HTTP (y compris l'ouverture SYN, car HTTP passe avant « TCP SYN/FIN »). HTTPS (port 443) n'est pas vert."),
        new("Bleu", "Trafic DNS / Trafic UDP", "#daeeff", "#12272e", ["UDP"],
            "La règle « UDP » est bleu clair (#daeeff), et le DNS ordinaire passe par UDP.",
            "Il n'existe pas de règle DNS : un DNS sur TCP est lavande comme le TCP ; et l'ICMP (rose), l'ARP (beige) ou la diffusion (blanc) manquent au tableau."),
    ];
}
