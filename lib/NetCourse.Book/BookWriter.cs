using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetCourse.Book;

/// <summary>Writes the static HTML book: an index, and previous / index / next links on every chapter page.</summary>
public static partial class BookWriter
{
    /// <summary>The first Markdown heading of a notebook, or its file name.</summary>
    public static string TitleOf(string notebookPath)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(notebookPath));
            foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray())
            {
                if (cell.GetProperty("cell_type").GetString() != "markdown") continue;
                var source = cell.GetProperty("source");
                var text = source.ValueKind == JsonValueKind.Array
                    ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
                    : source.GetString() ?? "";
                var heading = text.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
                if (heading is not null) return heading[2..].Trim();
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { }
        return Path.GetFileNameWithoutExtension(notebookPath);
    }

    /// <summary>Adds the navigation bar to every chapter page and writes index.html.</summary>
    public static void Write(string bookFolder, IReadOnlyList<BookChapter> chapters, bool withSolutions = false)
    {
        for (var i = 0; i < chapters.Count; i++)
        {
            var page = Path.Combine(bookFolder, chapters[i].Page);
            if (!File.Exists(page)) continue;
            var nav = Navigation(i > 0 ? chapters[i - 1] : null, i + 1 < chapters.Count ? chapters[i + 1] : null);
            var html = File.ReadAllText(page);
            html = BodyOpen().Replace(html, m => m.Value + nav, 1);
            var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            if (end >= 0) html = html.Insert(end, nav + PresenterMode.Snippet);
            File.WriteAllText(page, html);
        }
        File.WriteAllText(Path.Combine(bookFolder, "index.html"), Index(chapters, withSolutions));
    }

    private static string Navigation(BookChapter? previous, BookChapter? next)
    {
        static string Link(BookChapter? c, string label) => c is null
            ? $"<span style=\"color:#aaa\">{label}</span>"
            : $"<a href=\"{c.Page}\">{label} {WebUtility.HtmlEncode(c.Title)}</a>";
        return "<nav class=\"netcourse-nav\" style=\"font-family:sans-serif;display:flex;justify-content:space-between;padding:8px 16px;background:#eef4fb;border-bottom:1px solid #c5d5ea\">"
               + Link(previous, "←") + "<span><a href=\"index.html\">Sommaire</a> · " + PresenterMode.Link + "</span>" + Link(next, "→") + "</nav>";
    }

    private static string Index(IReadOnlyList<BookChapter> chapters, bool withSolutions)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>NetCourse — le livre</title></head>")
            .Append("<body style=\"font-family:sans-serif;max-width:900px;margin:2em auto\"><h1>NetCourse — le cours de réseau, exécuté</h1>")
            .Append("<p>Chaque chapitre a été exécuté par le noyau .NET Interactive le ")
            .Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(withSolutions ? " C'est le <b>livre corrigé</b> : chaque exercice y est vérifié avec sa solution." : " Les exercices y sont laissés sans réponse, comme un étudiant les trouve.")
            .Append("</p><table style=\"border-collapse:collapse\"><tr><th style=\"text-align:left;padding:4px 8px\">Chapitre</th><th style=\"padding:4px 8px\">Cellules</th><th style=\"padding:4px 8px\">Erreurs</th><th style=\"padding:4px 8px\">Exercices réussis</th><th style=\"padding:4px 8px\">Secondes</th></tr>");
        foreach (var c in chapters)
        {
            var color = c.Result.Succeeded ? "#2e7d32" : "#c62828";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 8px\"><a href=\"{c.Page}\">{WebUtility.HtmlEncode(c.Title)}</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:4px 8px;text-align:right\">{c.Result.Cells}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:4px 8px;text-align:right;color:{color}\">{c.Result.Errors.Count}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"padding:4px 8px;text-align:right\">{(c.Exercises.Count == 0 ? "—" : $"{c.ExercisesPassed} / {c.Exercises.Count} {new string('■', c.ExercisesPassed)}{new string('□', c.Exercises.Count - c.ExercisesPassed)}")}</td>")
                .Append(CultureInfo.GetCultureInfo("fr-FR"), $"<td style=\"padding:4px 8px;text-align:right\">{c.Result.Seconds:0.0}</td></tr>");
        }
        return html.Append("</table></body></html>").ToString();
    }

    [GeneratedRegex("<body[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyOpen();
}
