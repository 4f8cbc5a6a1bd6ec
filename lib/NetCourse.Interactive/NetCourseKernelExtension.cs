using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using NetCourse.Course;
using NetCourse.Html;

namespace NetCourse.KernelExtension;

/// <summary>
/// Loaded by the kernel on <c>#r "nuget: NetCourse.Lib, *-*"</c>: registers one HTML formatter per course type
/// (every public <see cref="IHtmlView"/> of the library) and stops what cells left running when the kernel ends.
/// </summary>
public sealed class NetCourseKernelExtension : IKernelExtension
{
    /// <summary>The course types that got an HTML formatter.</summary>
    public static IReadOnlyList<Type> FormattedTypes { get; } = typeof(IHtmlView).Assembly.GetExportedTypes()
        .Where(t => typeof(IHtmlView).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        RegisterFormatters();
        kernel.RegisterForDisposal(() => LiveResources.StopAllAsync().AsTask().Wait(TimeSpan.FromSeconds(10)));
        if (KernelInvocationContext.Current is { } context)
        {
            context.DisplayAs(
                $"NetCourse {Chapter.LibraryVersion} est chargé ({FormattedTypes.Count} vues HTML). "
                + "Essayez `NetCourse.Lab.MachineCheck.Run()`.", "text/markdown");
        }
        return Task.CompletedTask;
    }

    /// <summary>Registers the HTML formatters (also usable without a kernel, for tests).</summary>
    public static void RegisterFormatters()
    {
        var register = typeof(NetCourseKernelExtension).GetMethod(nameof(RegisterHtml), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in FormattedTypes)
            register.MakeGenericMethod(type).Invoke(null, null);
    }

    /// <summary>
    /// The element every course view is wrapped in. Jupyter typesets HTML outputs with MathJax, which reads a pair of
    /// <c>$</c> as mathematics (the setcap command shown without capture rights has two) and then fetches a font the
    /// page may not load; these classes tell MathJax 2 (classic Notebook) and 3 (JupyterLab) to leave the output alone.
    /// </summary>
    public const string OutputWrapperStart = "<div class=\"tex2jax_ignore mathjax_ignore\">";

    private static void RegisterHtml<T>() where T : IHtmlView =>
        Formatter.Register<T>((value, writer) => writer.Write(OutputWrapperStart + value.ToHtml() + "</div>"),
            HtmlFormatter.MimeType);
}
