using System.CommandLine;
using System.Net.NetworkInformation;
using NetCourse.Lab;

namespace NetCourse.Cli.Lab;

/// <summary>`netcourse traceroute ADDRESS`: one line per hop (number, who answered or *, round-trip times).</summary>
public sealed class TracerouteCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var address = new Argument<string>("ADRESSE") { Description = "Adresse IP à tracer (boucle locale ou labo 198.18.0.0/15)." };
        var maxHops = new Option<int>("--max-hops") { Description = "TTL maximal (1 à 64).", DefaultValueFactory = _ => 16 };
        var probes = new Option<int>("--probes") { Description = "Sondes par saut (1 à 10).", DefaultValueFactory = _ => 3 };
        var timeout = new Option<int>("--timeout") { Description = "Attente par sonde, en ms (50 à 10 000).", DefaultValueFactory = _ => 1000 };
        var external = new Option<bool>("--allow-external") { Description = "Autorise une cible hors de la boucle locale et du labo." };
        var raw = new Option<bool>("--raw") { Description = "Construit les sondes avec PacketDotNet et les envoie sur un socket brut (root), comme scapy." };
        var capture = new Option<string?>("--capture") { Description = "Capture les paquets ICMP sur l'interface du labo pendant le traceroute et les écrit dans ce fichier pcap (root, labo en place)." };
        var labDelay = new Option<int?>("--lab-delay")
        {
            Description = "Construit le labo le temps de la commande (root), avec ce délai par saut en ms (tc netem, ou relais du cours sans netem), puis le supprime.",
        };
        var command = new Command("traceroute", "Trace la route vers une adresse avec des sondes ICMP à TTL croissant.")
        {
            address, maxHops, probes, timeout, external, raw, capture, labDelay,
        };
        command.SetAction(async (parse, token) =>
        {
            var options = new TracerouteOptions(parse.GetValue(maxHops), parse.GetValue(probes), parse.GetValue(timeout), parse.GetValue(external));
            if (options.Validate() is { } invalid)
            {
                Console.Error.WriteLine($"erreur : {invalid}");
                return 2;
            }
            var target = TracerouteTargets.Check(parse.GetValue(address), options.AllowExternal, out var reason);
            if (target is null)
            {
                Console.Error.WriteLine($"erreur : {reason}");
                return 2;
            }
            var useRaw = parse.GetValue(raw);
            var capturePath = parse.GetValue(capture);
            Task<TracerouteResult> Trace() => useRaw ? RawTraceroute.RunAsync(target, options, token) : Traceroute.RunAsync(target, options, token);
            LabNetwork? lab = null;
            try
            {
                // The delay relay lives in this process: the lab is built here and removed when the command ends.
                if (parse.GetValue(labDelay) is { } delayMs)
                {
                    lab = LabNetwork.Up(LabOptions.Default with { DelayPerHopMs = delayMs });
                    foreach (var note in lab.Notes) Console.WriteLine(note);
                }
                TracerouteResult result;
                if (capturePath is null)
                {
                    result = await Trace().ConfigureAwait(false);
                }
                else
                {
                    var device = LabOptions.Block.Contains(target) ? LabNetwork.InterfaceTowards(target) : null;
                    if (device is null || !device.StartsWith("nc-", StringComparison.Ordinal))
                    {
                        Console.Error.WriteLine("erreur : --capture demande une cible du labo (198.18.0.0/15) et le labo en place (./netcourse lab up, en root).");
                        return 2;
                    }
                    TracerouteResult? traced = null;
                    var captured = await TracerouteCapture.RecordAsync(device, async () => traced = await Trace().ConfigureAwait(false)).ConfigureAwait(false);
                    captured.Save(capturePath);
                    result = traced!;
                    Console.WriteLine($"{captured.Packets.Count} paquets ICMP écrits dans {Path.GetFullPath(capturePath)}");
                }
                Console.WriteLine(result.ToText());
                return result.Reached ? 0 : 1;
            }
            catch (System.Net.Sockets.SocketException e) when (useRaw)
            {
                Console.Error.WriteLine($"erreur : socket brut impossible ({e.SocketErrorCode}) : --raw demande root (ou la capacité cap_net_raw).");
                return 1;
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or SharpPcap.PcapException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine($"erreur : {e.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("interrompu.");
                return 130;
            }
            catch (Exception e) when (e is PingException or PlatformNotSupportedException)
            {
                Console.Error.WriteLine($"erreur : envoi des sondes impossible : {e.GetBaseException().Message}");
                return 1;
            }
            catch (LabException e)
            {
                Console.Error.WriteLine($"erreur : {e.Message}");
                return 1;
            }
            finally
            {
                if (lab is not null) await lab.DisposeAsync().ConfigureAwait(false);
            }
        });
        return command;
    }
}
