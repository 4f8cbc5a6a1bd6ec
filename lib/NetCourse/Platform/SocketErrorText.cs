using System.Net.Sockets;

namespace NetCourse.Platform;

/// <summary>
/// The course's one French wording of the socket errors it meets (name resolution, listening, connecting), so that a
/// lookup, a server and the CLI say the same thing for the same error. No final period: callers end the sentence.
/// </summary>
public static class SocketErrorText
{
    /// <summary>What <paramref name="error"/> means, in French, or null for an error the course does not explain.</summary>
    public static string? Known(SocketError error) => error switch
    {
        SocketError.HostNotFound => "ce nom n'existe pas : ni /etc/hosts ni le DNS ne le connaissent",
        SocketError.TryAgain => "le résolveur n'a pu joindre aucun serveur DNS (pas de réseau ?) : réessayez plus tard",
        SocketError.NoData => "ce nom existe mais n'a pas d'adresse IP",
        SocketError.AddressAlreadyInUse => "ce port est déjà utilisé par un autre programme",
        SocketError.AccessDenied => "accès refusé : les ports sous 1024 demandent des droits d'administrateur",
        SocketError.AddressNotAvailable =>
            "cette adresse n'est l'adresse d'aucune interface de cette machine : choisissez-en une de « ip -brief address »",
        SocketError.ConnectionRefused => "connexion refusée : rien n'écoute sur ce port (le noyau Linux a répondu RST)",
        SocketError.ConnectionReset => "connexion coupée par l'autre côté (RST)",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "aucune route vers cette adresse",
        SocketError.TimedOut => "pas de réponse dans le délai",
        _ => null,
    };

    /// <summary>What <paramref name="exception"/> means, in French; an error the course does not explain is named with the system's message.</summary>
    public static string Of(SocketException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Known(exception.SocketErrorCode) ?? $"erreur réseau {exception.SocketErrorCode} : {exception.Message}";
    }
}
