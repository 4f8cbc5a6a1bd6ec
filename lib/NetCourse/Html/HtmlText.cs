using System.Net;

namespace NetCourse.Html;

/// <summary>Small HTML helpers shared by the course's views.</summary>
public static class HtmlText
{
    /// <summary>HTML-encodes text (null gives an empty string).</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A fresh element id, unique in the process, so that several outputs can share one page.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
