using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using NetCourse.Html;
using NetCourse.KernelExtension;

namespace NetCourse.Tests.Course;

/// <summary>As in dotnet/interactive's ClockExtension sample: submit code to a kernel, assert on the text/html value.</summary>
public class KernelExtensionTests : IDisposable
{
    private readonly CompositeKernel _kernel = new() { new CSharpKernel() };

    public KernelExtensionTests() => Formatter.ResetToDefault();

    public void Dispose()
    {
        _kernel.Dispose();
        Formatter.ResetToDefault();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Loading_the_extension_says_so_and_formats_course_types_as_html()
    {
        await new NetCourseKernelExtension().OnLoadAsync(_kernel);
        await _kernel.SubmitCodeAsync($"#r \"{typeof(HtmlTable).Assembly.Location}\"");

        var result = await _kernel.SubmitCodeAsync(
            "new NetCourse.Html.HtmlTable(\"Ports\", new[] { \"port\", \"service\" }, new[] { new[] { \"80\", \"HTTP\" } })");

        var value = result.Events.OfType<ReturnValueProduced>().Single();
        var html = value.FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.StartsWith(NetCourseKernelExtension.OutputWrapperStart + "<table class=\"netcourse-table\"", html);
        Assert.EndsWith("</div>", html);
        Assert.Contains("<td style=\"border:1px solid #bbb;padding:3px 8px;vertical-align:top;text-align:left\">HTTP</td>", html);
    }

    [Fact]
    public void Every_html_view_of_the_library_gets_a_formatter()
    {
        NetCourseKernelExtension.RegisterFormatters();
        var views = typeof(IHtmlView).Assembly.GetExportedTypes()
            .Where(t => typeof(IHtmlView).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToArray();
        Assert.True(views.Length > 20, $"only {views.Length} views found");
        Assert.Contains(typeof(HtmlTable), views);
        Assert.Contains(typeof(PlotlyChart), views);
        // The formatter the kernel will pick for each view's HTML is the one registered for exactly that type.
        var missing = views.Where(t => Formatter.GetPreferredFormatterFor(t, HtmlFormatter.MimeType).Type != t).ToArray();
        Assert.True(missing.Length == 0, "no HTML formatter for: " + string.Join(", ", missing.Select(t => t.FullName)));
    }
}
