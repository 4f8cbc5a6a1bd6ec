using System.Diagnostics;
using System.Xml.Linq;

namespace NetCourse.Tests.Dissection;

/// <summary>Runs tshark, the reference the dissection tests hold the course against, and returns what it printed.</summary>
internal static class TsharkProcess
{
    /// <summary>tshark's standard output for these arguments; fails the test when it takes over two minutes.</summary>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"tshark {string.Join(' ', arguments)} took over 120 s");
        _ = stderr.Result;
        return output;
    }

    /// <summary>The &lt;packet&gt; elements of <c>tshark -n -r PATH -T pdml</c> (each field's name, label, position
    /// and size), in frame order.</summary>
    public static IEnumerable<XElement> PdmlPackets(string path) =>
        XDocument.Parse(Run("-n", "-r", path, "-T", "pdml")).Root!.Elements("packet");
}
