using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetCourse.Notebooks.Tests;

/// <summary>Chapter 0's page, opened in headless Chromium with no network, shows a drawn Plotly chart.</summary>
public class OfflineChartTests
{
    [Fact]
    public async Task Chapter_0_page_draws_its_chart_in_chromium_without_network()
    {
        var page = Path.Combine(NotebookFixture.OutputFolder, "chart-check-00.html");
        var result = await (await NotebookFixture.RunnerAsync()).RunAsync(
            Path.Combine(NotebookFixture.Root, "notebooks", "00-prise-en-main.ipynb"),
            Path.Combine(NotebookFixture.OutputFolder, "chart-check-00.ipynb"), page, TimeSpan.FromSeconds(120));
        Assert.True(result.Succeeded, NotebookFixture.Describe(result));

        var dom = DumpDom(page);

        // A drawn Plotly chart leaves main-svg layers; the page has no http(s) script source to fetch.
        Assert.True(Regex.Count(dom, "class=\"main-svg\"") >= 1, "no drawn Plotly chart in Chromium's DOM");
        Assert.DoesNotMatch("<script[^>]+src=\"https?://", File.ReadAllText(page));
    }

    private static string DumpDom(string page)
    {
        var profile = Directory.CreateTempSubdirectory("netcourse-chromium").FullName;
        var info = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     // No network at all: every host resolves nowhere.
                     "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                     $"--user-data-dir={profile}", "--virtual-time-budget=8000", "--dump-dom", new Uri(page).AbsoluteUri,
                 })
        {
            info.ArgumentList.Add(argument);
        }
        using var chromium = Process.Start(info)!;
        var dom = chromium.StandardOutput.ReadToEndAsync();
        _ = chromium.StandardError.ReadToEndAsync();
        if (!chromium.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            chromium.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish in 90 s");
        }
        return dom.Result;
    }
}
