using System.Net;
using System.Net.Sockets;
using NetCourse.Lab;
using NetCourse.Platform;
using NetCourse.Tests.Sockets;

namespace NetCourse.Tests.Cli;

/// <summary>
/// Issue 6's bad-input list, through the real command line: each case ends with a non-zero exit and ONE line of French on
/// stderr (never a stack trace, never a hang). Cases that need root to set up (hiding libpcap, dropping to "nobody") are
/// run for real when the tests run as root (CI), and otherwise the unprivileged state is the one under test.
/// </summary>
public class BadInputTests
{
    private static readonly string Repo = TestPaths.Root;

    private static CommandResult Cli(params string[] args) =>
        ExternalCommand.Run("dotnet", [CliServer.CliDll, .. args], TimeSpan.FromSeconds(60));

    private static void AssertOneLineFrenchError(CommandResult result, string expected)
    {
        Assert.True(result.ExitCode > 0, $"exit {result.ExitCode}; stdout: {result.Output}; stderr: {result.Error}");
        var lines = result.Error.Trim().Split('\n');
        Assert.True(lines.Length == 1, $"stderr should be one line, got {lines.Length}: {result.Error}");
        Assert.Contains(expected, lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error); // no stack trace
    }

    [Fact]
    public void Not_a_capture_file() =>
        AssertOneLineFrenchError(Cli("dissect", Path.Combine(Repo, "README.md")), "pas un fichier de capture");

    [Fact]
    public void Empty_file()
    {
        var empty = Path.GetTempFileName();
        try { AssertOneLineFrenchError(Cli("dissect", empty), "vide"); }
        finally { File.Delete(empty); }
    }

    [Fact]
    public void Truncated_capture_prints_the_packets_before_the_damage()
    {
        var source = Directory.GetFiles(Path.Combine(Repo, "data"), "*.pcap").OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = File.ReadAllBytes(source);
        var truncated = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(truncated, bytes[..(bytes.Length - 7)]); // cut inside the last packet
            var result = Cli("dissect", truncated, "-e", "frame.number");
            AssertOneLineFrenchError(result, "tronquée");
            // Every packet before the damaged one is printed, numbered from 1, and nothing after it.
            var before = NetCourse.Capture.PacketTrace.Load(source).Count - 1;
            Assert.True(before > 0, $"{source} has a single packet");
            Assert.Equal(Enumerable.Range(1, before).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally { File.Delete(truncated); }
    }

    [Fact]
    public void Missing_file() => AssertOneLineFrenchError(Cli("dissect", "/nonexistent/capture.pcap"), "introuvable");

    [Fact]
    public void Bad_display_filter_points_at_the_character() =>
        AssertOneLineFrenchError(Cli("dissect", Path.Combine(Repo, "data", "06-http.pcap"), "-Y", "tcp.port ==== 80"), "caractère");

    [Fact]
    public void No_such_interface() =>
        AssertOneLineFrenchError(Cli("capture", "-i", "nc-absent0", "-c", "1", "--timeout", "2", "-w", Path.Combine(Path.GetTempPath(), "nc-bad.pcap")), "nc-absent0");

    [Fact]
    public void Port_in_use()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var kind in new[] { "echo", "chat", "http" })
            AssertOneLineFrenchError(Cli("serve", kind, "--port", port), "déjà utilisé");
    }

    [Fact]
    public void Unknown_host_or_not_an_address() =>
        AssertOneLineFrenchError(Cli("traceroute", "hote-inconnu.invalid"), "n'est pas une adresse");

    [Fact]
    public void Target_outside_loopback_and_lab_is_refused_without_sending_anything() =>
        AssertOneLineFrenchError(Cli("traceroute", "203.0.113.5"), "hors de la boucle locale");

    [SkippableFact]
    public void No_libpcap()
    {
        Requires.Root("cacher libpcap dans un espace de noms de montage");
        // Hide the real libpcap behind /dev/null in a private mount namespace: the library is really missing for the CLI.
        var library = new FileInfo("/usr/lib/x86_64-linux-gnu/libpcap.so.0.8").ResolveLinkTarget(true)?.FullName
                      ?? "/usr/lib/x86_64-linux-gnu/libpcap.so.0.8";
        var capture = Path.Combine(Path.GetTempPath(), "nc-nolib.pcap");
        var result = ExternalCommand.Run("unshare", ["--mount", "sh", "-c",
            $"mount --bind /dev/null '{library}' && exec dotnet '{CliServer.CliDll}' capture -i lo -c 1 --timeout 2 -w '{capture}'"],
            TimeSpan.FromSeconds(60));
        AssertOneLineFrenchError(result, "libpcap");
    }

    [Fact]
    public void No_root_for_capture()
    {
        var capture = Path.Combine(Path.GetTempPath(), "nc-noroot.pcap");
        var result = MachineCheck.IsRoot
            ? ExternalCommand.Run("runuser", ["-u", "nobody", "--", "env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp", "DOTNET_NOLOGO=1",
                "/usr/bin/dotnet", CliServer.UnprivilegedCliDll, "capture", "-i", "lo", "-c", "1", "--timeout", "2", "-w", capture], TimeSpan.FromSeconds(60))
            : Cli("capture", "-i", "lo", "-c", "1", "--timeout", "2", "-w", capture);
        AssertOneLineFrenchError(result, "droits insuffisants");
    }
}
