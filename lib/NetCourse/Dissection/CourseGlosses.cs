namespace NetCourse.Dissection;

/// <summary>A short French explanation of the header fields the course teaches (TTL, ports, flags, sequence numbers …).</summary>
public static class CourseGlosses
{
    private static readonly Dictionary<string, string> Glosses = new(StringComparer.Ordinal)
    {
        ["eth.dst"] = "adresse MAC (carte réseau) du destinataire sur ce lien",
        ["eth.src"] = "adresse MAC de l'expéditeur sur ce lien",
        ["eth.type"] = "ce que transporte la trame (0x0800 : un paquet IPv4)",
        ["ip.ttl"] = "durée de vie : chaque routeur la diminue de 1 ; à 0, il jette le paquet et prévient la source (ICMP « time exceeded »)",
        ["ipv6.hlim"] = "durée de vie (IPv6) : chaque routeur la diminue de 1 ; à 0, le paquet est jeté",
        ["ip.proto"] = "ce que transporte le paquet : 1 = ICMP, 6 = TCP, 17 = UDP",
        ["ip.src"] = "adresse IP de l'expéditeur",
        ["ip.dst"] = "adresse IP du destinataire",
        ["ip.flags"] = "drapeaux IP : DF interdit de découper le paquet en fragments",
        ["ip.flags.df"] = "« ne pas fragmenter » : un routeur qui devrait découper le paquet le jette",
        ["tcp.srcport"] = "port de l'application qui envoie (souvent un port éphémère choisi par le système)",
        ["tcp.dstport"] = "port de l'application qui reçoit (le service : 80 = HTTP, 12800 = le serveur du cours …)",
        ["udp.srcport"] = "port de l'application qui envoie",
        ["udp.dstport"] = "port de l'application qui reçoit (53 = DNS …)",
        ["tcp.seq"] = "numéro de séquence : rang du premier octet de données de ce segment (compté depuis 0 au début de la connexion)",
        ["tcp.ack"] = "numéro d'acquittement : le prochain octet attendu de l'autre côté",
        ["tcp.flags"] = "drapeaux TCP : SYN ouvre, ACK acquitte, PSH livre, FIN ferme, RST refuse ou coupe",
        ["tcp.flags.syn"] = "SYN : demande d'ouverture de connexion (poignée de main)",
        ["tcp.flags.ack"] = "ACK : le numéro d'acquittement est valable",
        ["tcp.flags.fin"] = "FIN : l'expéditeur n'a plus rien à envoyer (fermeture)",
        ["tcp.flags.reset"] = "RST : connexion refusée ou coupée net",
        ["tcp.flags.push"] = "PSH : livrer ces données à l'application sans attendre",
        ["tcp.len"] = "octets de données portés par ce segment",
        ["tcp.window_size_value"] = "fenêtre : combien d'octets l'expéditeur peut encore recevoir",
        ["icmp.type"] = "type de message : 8 = demande d'écho (ping), 0 = réponse, 11 = durée de vie dépassée, 3 = injoignable",
        ["icmp.code"] = "précise le type (pour 11 : 0 = TTL arrivé à 0 en route)",
        ["udp.length"] = "longueur du datagramme UDP, en-tête de 8 octets compris",
    };

    /// <summary>The gloss of <paramref name="field"/> (a tshark field name), or null when the course does not explain it.</summary>
    public static string? For(string field) => Glosses.GetValueOrDefault(field);
}
