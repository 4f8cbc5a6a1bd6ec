using NetCourse.Platform;
using Xunit;

namespace NetCourse.TestSupport;

/// <summary>
/// The suite's one skip policy. A test that needs something this machine may lack (root, capture rights, a tool)
/// calls one of these first, inside a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>: without it, the test is
/// reported as skipped, with the reason, and counted in the summary. Never a silent <c>return</c>.
/// </summary>
public static class Requires
{
    private const int CapNetAdmin = 12;
    private const int CapSysAdmin = 21;

    /// <summary>True when the process is uid 0 with the capabilities root's work needs (namespaces, mounts).</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess && HasCapability(CapSysAdmin) && HasCapability(CapNetAdmin);

    /// <summary>True when libpcap can open the loopback in capture here (root, or cap_net_raw on the dotnet host).</summary>
    public static bool CanCapture => CaptureRights.Value;

    private static readonly Lazy<bool> CaptureRights = new(() => NetCourse.Capture.CaptureProbe.Check("lo").CanCapture);

    /// <summary>Skips the test unless it runs as root (namespaces, mounts, another user).</summary>
    /// <param name="what">What the test does that needs root, in a few words.</param>
    public static void Root(string what) =>
        Skip.IfNot(IsRoot, $"ignoré : il faut root pour {what} (la CI tourne en root)");

    /// <summary>Skips the test unless the loopback can be opened in capture.</summary>
    /// <param name="what">What the test captures, in a few words.</param>
    public static void Capture(string what) =>
        Skip.IfNot(CanCapture, $"ignoré : il faut les droits de capture pour {what} (root, ou sudo setcap cap_net_raw,cap_net_admin=eip sur dotnet)");

    /// <summary>Skips the test unless <paramref name="program"/> is on the PATH.</summary>
    /// <param name="program">The program the test runs.</param>
    /// <param name="package">The Debian package that installs it (.ci/install installs them all).</param>
    public static void Tool(string program, string package) =>
        Skip.IfNot(ExternalCommand.IsOnPath(program), $"ignoré : {program} manque (sudo apt-get install -y {package}, ou sudo bash .ci/install)");

    /// <summary>Skips the test unless headless Chromium can be started (<see cref="HeadlessChromium"/>).</summary>
    /// <param name="what">What the test looks at in the browser, in a few words.</param>
    public static void Chromium(string what) =>
        Skip.IfNot(HeadlessChromium.IsInstalled,
            $"ignoré : il faut Chromium ({HeadlessChromium.ExecutablePath}) pour {what} (sudo apt-get install -y chromium, ou sudo bash .ci/install)");

    /// <summary>True when the process's effective capability set holds capability number <paramref name="bit"/>.</summary>
    private static bool HasCapability(int bit)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        return line is not null
               && ulong.TryParse(line["CapEff:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
               && (mask & (1UL << bit)) != 0;
    }
}
