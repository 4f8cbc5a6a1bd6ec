namespace NetCourse.Sockets;

/// <summary>The head of an HTTP/1.x request (request line and headers), parsed strictly.</summary>
/// <param name="Method">GET, HEAD, POST …</param>
/// <param name="Target">The path and query (/, /echo?x=1 …).</param>
/// <param name="Version">HTTP/1.0 or HTTP/1.1.</param>
/// <param name="Headers">The headers in order (names as sent).</param>
/// <param name="Error">Why the request is malformed, in French, or null when it is well formed.</param>
public sealed record HttpRequestHead(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Error)
{
    /// <summary>Parses a head (the text before the blank line; lines end in \r\n or \n). Never throws.</summary>
    public static HttpRequestHead Parse(string head)
    {
        var lines = (head ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            return Bad("la première ligne doit être « MÉTHODE CHEMIN VERSION », par exemple « GET / HTTP/1.1 »");
        var (method, target, version) = (parts[0], parts[1], parts[2]);
        if (!method.All(c => c is >= 'A' and <= 'Z'))
            return Bad($"méthode « {Printable(method)} » invalide (lettres majuscules attendues)");
        if (!target.StartsWith('/') || target.Any(c => c <= ' ' || c >= 127))
            return Bad($"chemin « {Printable(target)} » invalide (il doit commencer par /)");
        if (version is not ("HTTP/1.0" or "HTTP/1.1"))
            return Bad($"version « {Printable(version)} » inconnue (HTTP/1.0 ou HTTP/1.1 attendu)");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Any(c => c <= ' ' || c >= 127))
                return Bad($"en-tête « {Printable(line)} » invalide (« Nom: valeur » attendu)");
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
        if (version == "HTTP/1.1" && !headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            return Bad("l'en-tête Host est obligatoire en HTTP/1.1");
        return new HttpRequestHead(method, target, version, headers, null);

        HttpRequestHead Bad(string why) => new("", "", "", [], why);
    }

    private static string Printable(string text) =>
        new(text.Take(40).Select(c => c < ' ' || c >= 127 ? '?' : c).ToArray());
}
