using System.Globalization;

namespace NetCourse.Dissection.Follow;

/// <summary>
/// tshark's <c>-z follow,tcp,MODE,N[,FIRST[-LAST]]</c> argument: which TCP stream to follow, how to print it, and
/// optionally which chunks (numbered from 1). Only TCP and a stream index are understood (not an address:port pair).
/// </summary>
/// <param name="Mode">ascii, hex or raw.</param>
/// <param name="Stream">The <c>tcp.stream</c> index.</param>
/// <param name="FirstChunk">The first chunk printed (from 1).</param>
/// <param name="LastChunk">The last chunk printed.</param>
public sealed record FollowRequest(FollowMode Mode, long Stream, int FirstChunk = 1, int LastChunk = int.MaxValue)
{
    private const string Expected = "attendu : follow,tcp,ascii,N (ou hex, raw ; N = numéro du flux, tcp.stream)";

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says why, in one line of French.</summary>
    public static bool TryParse(string? text, out FollowRequest? request, out string error)
    {
        request = null;
        error = "";
        var parts = (text ?? "").Split(',');
        if (parts.Length < 4 || parts[0] != "follow")
        {
            error = $"argument -z invalide « {text} » : {Expected}.";
            return false;
        }
        if (parts[1] != "tcp")
        {
            error = $"-z follow : seul le suivi de flux TCP est pris en charge (« follow,tcp,… »), pas « {parts[1]} ».";
            return false;
        }
        FollowMode? mode = parts[2] switch { "ascii" => FollowMode.Ascii, "hex" => FollowMode.Hex, "raw" => FollowMode.Raw, _ => null };
        if (mode is null)
        {
            error = $"-z follow : mode d'affichage inconnu « {parts[2]} » (connus : ascii, hex, raw).";
            return false;
        }
        if (!long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var stream) || stream > uint.MaxValue - 1L)
        {
            error = $"-z follow : numéro de flux invalide « {parts[3]} » : un entier positif ou nul, la valeur de tcp.stream.";
            return false;
        }
        int first = 1, last = int.MaxValue;
        if (parts.Length > 5 || (parts.Length == 5 && !TryRange(parts[4], out first, out last)))
        {
            error = $"-z follow : plage de morceaux invalide « {string.Join(',', parts[4..])} » (attendu : PREMIER ou PREMIER-DERNIER, à partir de 1).";
            return false;
        }
        request = new FollowRequest(mode.Value, stream, first, last);
        return true;
    }

    private static bool TryRange(string text, out int first, out int last)
    {
        const NumberStyles Digits = NumberStyles.None;
        var culture = CultureInfo.InvariantCulture;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        bool ok;
        if (dash < 0)
        {
            ok = int.TryParse(text, Digits, culture, out first);
            last = first;
        }
        else
        {
            ok = int.TryParse(text.AsSpan(0, dash), Digits, culture, out first);
            ok &= int.TryParse(text.AsSpan(dash + 1), Digits, culture, out last);
        }
        return ok && first >= 1 && first <= last;
    }
}
