using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using NetCourse.Capture;
using NetCourse.Html;
using NetCourse.Platform;

namespace NetCourse.Lab;

/// <summary>A live check of this machine: what the course can do here, and why not when it cannot.</summary>
/// <param name="Items">The lines of the check.</param>
public sealed record MachineCheck(IReadOnlyList<MachineCheckItem> Items) : IHtmlView
{
    /// <summary>Runs every check (a few hundred milliseconds; each is bounded).</summary>
    public static MachineCheck Run()
    {
        var capture = CaptureProbe.Check("lo");
        var items = new List<MachineCheckItem>
        {
            new(".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})", null),
            new("Système", RuntimeInformation.OSDescription, null),
            new("Utilisateur", IsRoot ? $"{Environment.UserName} (root)" : Environment.UserName, null),
            new("Interface de notebook", FrontEnd(), null),
            new("Capture possible", capture.ToString(), capture.CanCapture),
            new("Boucle locale (127.0.0.1)", LoopbackRoundTrip(out var loopbackOk), loopbackOk),
            new("Espaces de noms réseau (labo)", NamespacesPossible(out var netnsOk), netnsOk),
            new("tshark (facultatif)", ExternalCommand.IsOnPath("tshark") ? "installé" : "absent — sudo apt-get install tshark", ExternalCommand.IsOnPath("tshark")),
        };
        return new MachineCheck(items);
    }

    /// <summary>True when the process runs as root (uid 0).</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>Which notebook front end started this kernel, guessed from the process and its environment.</summary>
    public static string FrontEnd()
    {
        var commandLine = string.Join(' ', Environment.GetCommandLineArgs());
        if (Environment.GetEnvironmentVariable("VSCODE_PID") is not null || commandLine.Contains(" stdio", StringComparison.Ordinal))
            return "VS Code (Polyglot Notebooks)";
        if (commandLine.Contains("jupyter", StringComparison.OrdinalIgnoreCase))
            return "Jupyter (noyau .net-csharp)";
        return "hors noyau (programme .NET)";
    }

    private static string LoopbackRoundTrip(out bool ok)
    {
        ok = false;
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var watch = Stopwatch.StartNew();
            using var client = new TcpClient();
            var connect = client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            using var server = listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(2)).Result;
            connect.Wait(TimeSpan.FromSeconds(2));
            client.GetStream().Write("ping"u8);
            var buffer = new byte[4];
            server.GetStream().ReadExactly(buffer);
            ok = buffer.AsSpan().SequenceEqual("ping"u8);
            return $"connexion TCP et 4 octets échangés en {watch.Elapsed.TotalMilliseconds:0.0} ms";
        }
        catch (Exception e)
        {
            return $"échec : {e.GetBaseException().Message}";
        }
    }

    private static string NamespacesPossible(out bool ok)
    {
        ok = false;
        if (!IsRoot) return "non — il faut être root (le labo des chapitres 7–8 utilise alors des captures de data/).";
        if (!ExternalCommand.IsOnPath("ip")) return "non — la commande ip manque (sudo apt-get install iproute2).";
        var name = $"netcourse-probe-{Environment.ProcessId}";
        var add = ExternalCommand.Run("ip", ["netns", "add", name], TimeSpan.FromSeconds(5));
        if (!add.Succeeded) return $"non — ip netns add a échoué : {add.Error.Trim()}";
        ExternalCommand.Run("ip", ["netns", "del", name], TimeSpan.FromSeconds(5));
        ok = true;
        return "oui — un espace de noms d'essai a été créé puis supprimé.";
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder("<table style=\"border-collapse:collapse;font-family:sans-serif;font-size:13px\"><caption style=\"text-align:left;font-weight:bold\">Vérification de la machine</caption>");
        foreach (var item in Items)
        {
            var (mark, color) = item.Ok switch { true => ("✔", "#2e7d32"), false => ("✘", "#c62828"), null => ("•", "#555") };
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"border:1px solid #ccc;padding:3px 8px;text-align:left;color:{color};font-weight:bold\">{mark}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"border:1px solid #ccc;padding:3px 8px;text-align:left\">{HtmlText.Encode(item.Item)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"border:1px solid #ccc;padding:3px 8px;text-align:left\">{HtmlText.Encode(item.Value)}</td></tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Items.Select(i => $"{i.Item}: {i.Value}"));
}
