using System.Globalization;
using System.Text;
using NetCourse.Capture;
using NetCourse.Dissection;
using NetCourse.Html;

namespace NetCourse.Lab;

/// <summary>What became of a student's UDP probe: what it carried, whether it was sent, what the kernel answered, and why.</summary>
public sealed class UdpProbeReport : IHtmlView
{
    private UdpProbeReport(string? probe, IReadOnlyList<string> problems, IReadOnlyList<string> notes, bool sent, string how,
        IReadOnlyList<DissectedPacket> packets, IReadOnlyList<string> counters)
    {
        Probe = probe;
        Problems = problems;
        Notes = notes;
        WasSent = sent;
        How = how;
        Packets = packets;
        Counters = counters;
        Answer = packets.FirstOrDefault(p => p.GetValue("icmp.type")?.Integer == 3);
    }

    /// <summary>The probe in one line (« UDP 127.0.0.1:40000 → 127.0.0.1:33434, TTL 64, … »), or null when unreadable.</summary>
    public string? Probe { get; }

    /// <summary>Every reason the kernel drops the probe without answering (French); empty for a well-formed probe.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Remarks that are not faults (a zero UDP checksum…).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when the frame was really injected on a loopback and captured.</summary>
    public bool WasSent { get; }

    /// <summary>How the probe was sent or why it was not, in French.</summary>
    public string How { get; }

    /// <summary>The packets seen: the probe, then the answer when there is one (dissected as Wireshark would).</summary>
    public IReadOnlyList<DissectedPacket> Packets { get; }

    /// <summary>The kernel's counters that moved while the probe arrived (« Udp InCsumErrors +1 »…).</summary>
    public IReadOnlyList<string> Counters { get; }

    /// <summary>The ICMP « destination unreachable » the kernel sent back, or null.</summary>
    public DissectedPacket? Answer { get; }

    /// <summary>True when the kernel answered port unreachable (sent live), or — without rights — when the probe is well-formed.</summary>
    public bool Passed => Probe is not null && Problems.Count == 0 && (WasSent ? Answer?.GetValue("icmp.code")?.Integer == 3 : Packets.Count > 0);

    /// <summary>French feedback: what the probe carried, what came back on the wire, and why.</summary>
    public string Feedback
    {
        get
        {
            var text = new StringBuilder();
            if (Probe is not null) text.Append("Votre sonde : ").Append(Probe).Append(". ");
            if (WasSent)
            {
                text.Append(Answer is not null
                    ? $"Le noyau Linux a répondu : {Answer.Info} (ICMP type 3 code {Answer.GetValue("icmp.code")?.Integer}), de {Answer.Source} — il cite votre en-tête IP et les 8 octets de l'en-tête UDP. "
                    : $"Aucune réponse en 1,5 s : le noyau Linux a jeté la sonde sans rien dire. ");
                if (Counters.Count > 0) text.Append("Compteurs du noyau Linux : ").Append(string.Join(", ", Counters)).Append(". ");
            }
            else
            {
                text.Append(How).Append(' ');
            }
            if (Problems.Count > 0) text.Append("Sur le fil : ").Append(string.Join(" ", Problems));
            else if (!WasSent && Packets.Count > 0) text.Append("Relue octet par octet, elle est correcte : un noyau Linux y répondrait « port unreachable ».");
            return text.ToString().Trim();
        }
    }

    internal static UdpProbeReport NotSent(UdpProbeWire? wire, string why) =>
        new(wire?.Source is null ? null : wire.Describe(), wire?.Problems ?? [], wire?.Notes ?? [], false, why, [], []);

    internal static UdpProbeReport Sent(UdpProbeWire wire, PacketTrace trace, IReadOnlyList<string> counters) =>
        new(wire.Describe(), wire.Problems, wire.Notes, true,
            "Trame injectée sur lo dans un espace de noms jetable (accept_local=1 et route_localnet=1 sur son lo), capturée au passage.",
            trace.Dissect(), counters);

    internal static UdpProbeReport Offline(UdpProbeWire wire, PacketTrace trace, string why) =>
        new(wire.Describe(), wire.Problems, wire.Notes, false,
            $"Pas d'envoi en direct ({why.TrimEnd('.')}) : la trame est écrite dans un fichier pcap, relue et vérifiée.", trace.Dissect(), []);

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:13px\">");
        html.Append("<p style=\"color:").Append(Passed ? "#2e7d32" : "#c62828").Append("\">").Append(Passed ? "✔ " : "✘ ")
            .Append(HtmlText.Encode(Feedback)).Append("</p>");
        if (Packets.Count > 0)
            html.Append(new HtmlTable(WasSent ? "Ce que la capture de lo a vu" : "La sonde relue depuis le fichier pcap", ["n°", "source", "destination", "protocole", "info"],
                Packets.Select(p => (IReadOnlyList<string>)[p.Number.ToString(CultureInfo.InvariantCulture), p.Source, p.Destination, p.Protocol, p.Info]).ToArray()).ToHtml());
        foreach (var note in Notes) html.Append("<p style=\"color:#555\">").Append(HtmlText.Encode(note)).Append("</p>");
        return html.Append("</div>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Feedback;
}
