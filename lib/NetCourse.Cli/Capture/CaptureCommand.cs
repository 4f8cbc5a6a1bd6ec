using System.CommandLine;
using System.Globalization;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Cli.Capture;

/// <summary>
/// `netcourse capture -i lo -f "tcp port 12800" -c 50 -w out.pcap [--timeout 10]`: a live capture bounded by count and
/// time (Ctrl+C stops it early), written as pcap. Any problem is a one-line French error and exit code 1.
/// </summary>
public sealed class CaptureCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var device = new Option<string>("--interface", "-i") { Description = "Interface à capturer (par exemple lo).", DefaultValueFactory = _ => "lo" };
        var filter = new Option<string>("--filter", "-f") { Description = "Filtre de capture BPF (syntaxe tcpdump), par exemple \"tcp port 12800\".", DefaultValueFactory = _ => "" };
        var count = new Option<int>("--count", "-c") { Description = "Arrêter après ce nombre de paquets (1 à 1 000 000).", DefaultValueFactory = _ => 100 };
        var timeout = new Option<double>("--timeout") { Description = "Arrêter après ce nombre de secondes (au plus 3600).", DefaultValueFactory = _ => 10 };
        var snap = new Option<int>("--snaplen", "-s") { Description = "Octets gardés par paquet (64 à 262 144).", DefaultValueFactory = _ => 65535 };
        var write = new Option<string?>("--write", "-w") { Description = "Fichier pcap à écrire (sinon : une ligne par paquet disséqué)." };
        var command = new Command("capture", "Capture en direct (libpcap), bornée en nombre de paquets et en durée ; écrit un fichier pcap.")
        {
            device, filter, count, timeout, snap, write,
        };
        command.SetAction((parse, token) => RunAsync(parse.GetValue(device) ?? "lo", parse.GetValue(filter) ?? "", parse.GetValue(count),
            parse.GetValue(timeout), parse.GetValue(snap), parse.GetValue(write), token));
        return command;
    }

    private static async Task<int> RunAsync(string device, string filter, int count, double seconds, int snapLength, string? output, CancellationToken token)
    {
        if (double.IsNaN(seconds) || seconds <= 0 || seconds > LiveCaptureOptions.MaxTimeout.TotalSeconds)
            return Fail($"durée invalide ({seconds.ToString(CultureInfo.InvariantCulture)} s) : elle doit être entre 0 et 3600 s.");
        var options = new LiveCaptureOptions(device, filter, count, TimeSpan.FromSeconds(seconds), snapLength);
        if (options.Problem() is { } problem)
            return Fail(problem);
        string? path = null;
        if (!string.IsNullOrWhiteSpace(output))
        {
            path = Path.GetFullPath(output);
            var folder = Path.GetDirectoryName(path);
            if (folder is null || !Directory.Exists(folder))
                return Fail($"dossier introuvable pour le fichier de sortie : {folder}");
            if (Directory.Exists(path))
                return Fail($"{output} est un dossier, pas un fichier.");
        }

        LiveCapture capture;
        try
        {
            capture = await LiveCapture.StartAsync(options).ConfigureAwait(false);
        }
        catch (CaptureUnavailableException e)
        {
            return Fail(e.Message);
        }
        catch (ArgumentException e)
        {
            return Fail(e.Message.Split(" (Parameter", 2)[0]);
        }

        var shownFilter = filter.Length == 0 ? "" : $", filtre « {filter} »";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Capture sur {device}{shownFilter} : au plus {count} paquet(s), au plus {seconds:0.###} s (Ctrl+C pour arrêter)."));
        using (token.Register(() => _ = capture.StopAsync()))
        {
            var result = await capture.Completion.ConfigureAwait(false);
            if (path is null)
            {
                // One line per packet, as `tshark` prints them: No., time, source, destination, protocol, length, info.
                foreach (var packet in result.Dissect())
                    Console.WriteLine(packet.ToString());
            }
            else
            {
                try
                {
                    result.WritePcap(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Fail($"écriture de {output} impossible : {e.Message}");
                }
            }
            var where = path is null ? "" : $", écrit(s) dans {output}";
            Console.Error.WriteLine($"{result.Count} paquet(s) capturé(s){where} — {capture.StopReason}.");
        }
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"netcourse capture : {message}");
        return 1;
    }
}
