using System.Globalization;
using System.Text;

namespace NetCourse.Classroom;

/// <summary>Cleans what students type before it reaches anyone: no control characters (no terminal escapes), bounded names.</summary>
internal static class ClassText
{
    /// <summary>The longest name, in characters as a reader sees them.</summary>
    public const int MaxNameLength = 32;

    /// <summary>The text without control characters (tabs become spaces), trimmed.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\t') clean.Append(' ');
            else if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) clean.Append(c);
        }
        return clean.ToString().Trim();
    }

    /// <summary>A name: cleaned, at most <see cref="MaxNameLength"/> characters, never empty.</summary>
    public static string Name(string text, string fallback)
    {
        var clean = Clean(text);
        var info = new StringInfo(clean);
        if (info.LengthInTextElements > MaxNameLength) clean = info.SubstringByTextElements(0, MaxNameLength).TrimEnd();
        return clean.Length == 0 ? fallback : clean;
    }
}
