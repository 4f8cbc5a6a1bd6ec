using System.Globalization;
using NetCourse.Html;

namespace NetCourse.Ports;

/// <summary>The well-known ports a student meets, and the three IANA port ranges.</summary>
public static class WellKnownPorts
{
    /// <summary>The ports, ordered by number.</summary>
    public static IReadOnlyList<WellKnownPort> All { get; } =
    [
        new(20, "TCP", "FTP (données)", "transfert de fichiers : le canal des données"),
        new(21, "TCP", "FTP", "transfert de fichiers : le canal des commandes"),
        new(22, "TCP", "SSH", "terminal à distance chiffré, copie de fichiers (scp, sftp)"),
        new(23, "TCP", "Telnet", "terminal à distance, en clair (à éviter)"),
        new(25, "TCP", "SMTP", "envoi de courrier électronique entre serveurs"),
        new(53, "TCP/UDP", "DNS", "traduction des noms en adresses IP"),
        new(67, "UDP", "DHCP (serveur)", "attribution automatique d'une adresse IP"),
        new(68, "UDP", "DHCP (client)", "la réponse du serveur DHCP arrive ici"),
        new(69, "UDP", "TFTP", "transfert de fichiers très simple (démarrage réseau)"),
        new(80, "TCP", "HTTP", "le Web, en clair"),
        new(110, "TCP", "POP3", "relève du courrier"),
        new(123, "UDP", "NTP", "mise à l'heure des horloges"),
        new(143, "TCP", "IMAP", "consultation du courrier sur le serveur"),
        new(161, "UDP", "SNMP", "supervision des équipements réseau"),
        new(443, "TCP/UDP", "HTTPS", "le Web chiffré (TLS ; HTTP/3 passe par UDP)"),
        new(465, "TCP", "SMTPS", "envoi de courrier chiffré"),
        new(587, "TCP", "Submission", "envoi de courrier par un client de messagerie"),
        new(993, "TCP", "IMAPS", "IMAP chiffré"),
        new(995, "TCP", "POP3S", "POP3 chiffré"),
        new(1883, "TCP", "MQTT", "messages des objets connectés"),
        new(3306, "TCP", "MySQL", "base de données MySQL / MariaDB"),
        new(3389, "TCP", "RDP", "bureau à distance Windows"),
        new(5353, "UDP", "mDNS", "noms sur le réseau local sans serveur DNS (.local)"),
        new(5432, "TCP", "PostgreSQL", "base de données PostgreSQL"),
        new(8080, "TCP", "HTTP (alternatif)", "serveurs Web de développement, proxys"),
        new(8888, "TCP", "Jupyter", "le serveur de notebooks Jupyter"),
    ];

    /// <summary>The service conventionally on <paramref name="port"/>, or null.</summary>
    public static WellKnownPort? Find(int port) => All.FirstOrDefault(p => p.Number == port);

    /// <summary>The IANA range a port number belongs to, in French ("système", "enregistré", "dynamique").</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the number is outside 0–65535.</exception>
    public static string RangeOf(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return port switch
        {
            < 1024 => "système (0–1023)",
            < 49152 => "enregistré (1024–49151)",
            _ => "dynamique (49152–65535)",
        };
    }

    /// <summary>The table of well-known ports, for a notebook.</summary>
    public static HtmlTable Table() => new("Ports bien connus",
        ["port", "transport", "service", "à quoi il sert", "plage"],
        All.Select(p => (IReadOnlyList<string>)[p.Number.ToString(CultureInfo.InvariantCulture), p.Transport, p.Service, p.Description, RangeOf(p.Number)]).ToArray());
}
