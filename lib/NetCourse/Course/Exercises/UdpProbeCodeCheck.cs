using System.Text;
using NetCourse.Dissection;
using NetCourse.Lab;
using PacketDotNet;

namespace NetCourse.Course.Exercises;

/// <summary>
/// Chapter 7's code exercise: a function that builds a UDP probe (Ethernet, IPv4, UDP) with PacketDotNet; the frame is
/// sent on a loopback and the kernel's ICMP answer read back (<see cref="UdpProbeCheck"/>), or checked from a pcap without root.
/// </summary>
internal static class UdpProbeCodeCheck
{
    /// <summary>The reference probe builder, as the solution shows it.</summary>
    public const string SolutionCode = """
        EthernetPacket ConstruireSonde()
        {
            var datagramme = new UdpPacket(40000, 33434) { PayloadData = Encoding.ASCII.GetBytes("sonde UDP") };
            var paquetIp = Encapsulation.InIPv4(datagramme, "127.0.0.1", "127.0.0.1", ttl: 64);
            var trame = Encapsulation.InEthernet(paquetIp);
            datagramme.UpdateUdpChecksum();   // la somme UDP couvre un pseudo-en-tête IP : le paquet IP doit exister
            paquetIp.UpdateIPChecksum();      // l'en-tête IP est complet : sa somme peut être calculée
            return trame;
        }
        """;

    /// <summary>The same builder, as a delegate.</summary>
    public static EthernetPacket Reference()
    {
        var datagramme = new UdpPacket(40000, 33434) { PayloadData = Encoding.ASCII.GetBytes("sonde UDP") };
        var paquetIp = Encapsulation.InIPv4(datagramme, "127.0.0.1", "127.0.0.1", ttl: 64);
        var trame = Encapsulation.InEthernet(paquetIp);
        datagramme.UpdateUdpChecksum();
        paquetIp.UpdateIPChecksum();
        return trame;
    }

    /// <summary>A typical mistake, the notebook's starting code: the frame is built but no checksum is computed.</summary>
    public static EthernetPacket TypicalMistake()
    {
        var datagramme = new UdpPacket(40000, 33434) { PayloadData = Encoding.ASCII.GetBytes("sonde UDP") };
        var paquetIp = Encapsulation.InIPv4(datagramme, "127.0.0.1", "127.0.0.1", ttl: 64);
        return Encapsulation.InEthernet(paquetIp);
    }

    /// <summary>Builds the student's frame, sends it, reports what came back on the wire.</summary>
    public static async Task<CodeReport> RunAsync(Delegate code, CancellationToken token)
    {
        EthernetPacket? frame;
        try
        {
            frame = ((Func<EthernetPacket>)code)();
        }
        catch (Exception e)
        {
            return new CodeReport(false, $"Votre fonction s'est arrêtée sur une exception avant d'avoir rendu une trame : {e.GetType().Name} — {e.Message}", []);
        }
        var report = await UdpProbeCheck.SendAsync(frame).WaitAsync(token).ConfigureAwait(false);
        var wire = new List<string> { report.How };
        wire.AddRange(report.Packets.Select(p => $"n° {p.Number} : {p.Source} → {p.Destination} {p.Protocol} — {p.Info}"));
        if (report.WasSent && report.Answer is null) wire.Add("aucune réponse du noyau Linux en 1,5 s");
        if (report.Counters.Count > 0) wire.Add("compteurs du noyau Linux : " + string.Join(", ", report.Counters));
        wire.AddRange(report.Problems);
        return new CodeReport(report.Passed, report.Feedback, wire);
    }
}
