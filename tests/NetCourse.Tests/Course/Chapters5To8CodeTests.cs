using System.Net;
using System.Net.Sockets;
using System.Text;
using NetCourse.Course;
using NetCourse.Dissection;
using NetCourse.Lab;
using PacketDotNet;

namespace NetCourse.Tests.Course;

/// <summary>
/// Chapters 5–8's code exercises through the engine, with the cells' starting code: each is a wrong try (not
/// « nothing done ») and the verdict says what the code did on the wire. The references pass in the registry theory.
/// </summary>
[Collection(SerialCollection.Name)]
public class Chapters5To8CodeTests
{
    private static ExerciseEngine NewEngine() =>
        new(new ProgressStore(Path.Combine(Path.GetTempPath(), $"nc-progress-{Guid.NewGuid():N}.json")));

    private static async Task StartingServer(Socket ecoute, CancellationToken arret)
    {
        while (!arret.IsCancellationRequested)
        {
            using var client = await ecoute.AcceptAsync(arret);
            var tampon = new byte[1024];
            var n = await client.ReceiveAsync(tampon, arret);
            await client.SendAsync(tampon.AsMemory(0, n), arret);
        }
    }

    private static EthernetPacket StartingProbe()
    {
        var datagramme = new UdpPacket(40000, 33434) { PayloadData = Encoding.ASCII.GetBytes("sonde UDP") };
        var paquetIp = Encapsulation.InIPv4(datagramme, "127.0.0.1", "127.0.0.1", ttl: 64);
        return Encapsulation.InEthernet(paquetIp);
    }

    private static async Task<List<IPAddress>> StartingLoop(Func<int, Task<ProbeReply>> sonde)
    {
        var route = new List<IPAddress>();
        for (var ttl = 1; ttl <= 30; ttl++)
        {
            var reponse = await sonde(ttl);
            route.Add(reponse.From!);
        }
        return route;
    }

    [SkippableFact]
    public async Task The_starting_echo_server_is_a_wrong_try_told_what_it_answered()
    {
        Requires.Tool("python3", "python3");
        var verdict = await NewEngine().CheckCodeAsync("ch5.serveur-majuscules", (Func<Socket, CancellationToken, Task>)StartingServer);
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("au lieu de « BONJOUR, RÉSEAU ! »", verdict.Feedback);
    }

    [Fact]
    public async Task The_starting_probe_is_a_wrong_try_told_its_ip_checksum()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch7.sonde-udp", (Func<EthernetPacket>)StartingProbe);
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("la somme de contrôle IP vaut 0x0000", verdict.Feedback);
    }

    [Fact]
    public async Task The_starting_loop_is_a_wrong_try_told_it_went_past_the_destination()
    {
        var verdict = await NewEngine().CheckCodeAsync("ch8.boucle-ttl", (Func<Func<int, Task<ProbeReply>>, Task<List<IPAddress>>>)StartingLoop);
        Assert.Equal(VerdictState.Wrong, verdict.State);
        Assert.Contains("sonde(s) de trop", verdict.Feedback);
    }
}
