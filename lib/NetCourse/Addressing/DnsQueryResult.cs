using System.Globalization;
using System.Text;
using NetCourse.Html;

namespace NetCourse.Addressing;

/// <summary>What a DNS query gave: the response code, the answers, the time taken and the raw messages.</summary>
/// <param name="Name">The name asked for.</param>
/// <param name="Type">The type asked for.</param>
/// <param name="Server">The server asked (address:port).</param>
/// <param name="Response">The parsed response, or null when there was none.</param>
/// <param name="ElapsedMs">Time between sending the query and reading the response (or giving up), in ms.</param>
/// <param name="Error">Why there is no usable response, in French, or null.</param>
/// <param name="QueryBytes">The query as sent.</param>
/// <param name="ResponseBytes">The response as received (empty when none).</param>
public sealed record DnsQueryResult(string Name, DnsRecordType Type, string Server, DnsMessage? Response, double ElapsedMs,
    string? Error, byte[] QueryBytes, byte[] ResponseBytes) : IHtmlView
{
    /// <summary>The addresses answered (A/AAAA), as text.</summary>
    public IReadOnlyList<string> Addresses => Response?.Answers.Where(a => a.Address is not null).Select(a => a.Address!.ToString()).ToArray() ?? [];

    /// <summary>The response code as dig prints it (NOERROR, NXDOMAIN …), or "aucune réponse".</summary>
    public string Status => Response is null ? "aucune réponse" : Response.ResponseCode switch
    {
        DnsResponseCode.NoError => "NOERROR",
        DnsResponseCode.FormatError => "FORMERR",
        DnsResponseCode.ServerFailure => "SERVFAIL",
        DnsResponseCode.NameError => "NXDOMAIN",
        DnsResponseCode.NotImplemented => "NOTIMP",
        DnsResponseCode.Refused => "REFUSED",
        var other => other.ToString(),
    };

    /// <summary>A French one-line summary.</summary>
    public string Summary => Error is not null ? $"{Name} ({Type}) : {Error}"
        : Response!.ResponseCode == DnsResponseCode.NameError ? $"{Name} ({Type}) : NXDOMAIN — ce nom n'existe pas dans la zone."
        : Response.ResponseCode == DnsResponseCode.Refused ? $"{Name} ({Type}) : REFUSED — le serveur n'est pas responsable de ce nom."
        : Addresses.Count == 0 ? $"{Name} ({Type}) : {Status}, aucune adresse de ce type."
        : $"{Name} ({Type}) → {string.Join(", ", Addresses)}";

    /// <summary>Bytes as a hexadecimal dump, 16 per line.</summary>
    public static string HexDump(byte[] bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < bytes.Length; i += 16)
        {
            text.Append(i.ToString("x4", CultureInfo.InvariantCulture)).Append("  ");
            text.AppendJoin(' ', bytes.Skip(i).Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        var ok = Error is null && Response!.ResponseCode == DnsResponseCode.NoError && Addresses.Count > 0;
        var html = new StringBuilder("<div style=\"font-family:sans-serif;font-size:13px\">");
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"color:{(ok ? "#060" : "#a00")};font-weight:bold\">{HtmlText.Encode(Summary)}</div>");
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"color:#666\">serveur {HtmlText.Encode(Server)} — statut {HtmlText.Encode(Status)} — {ElapsedMs.ToString("0.00", CultureInfo.InvariantCulture)} ms</div>");
        html.Append("<details><summary>Les octets échangés</summary>");
        html.Append(CultureInfo.InvariantCulture, $"<div>Question ({QueryBytes.Length} octets) :</div><pre>{HtmlText.Encode(HexDump(QueryBytes))}</pre>");
        if (ResponseBytes.Length > 0)
            html.Append(CultureInfo.InvariantCulture, $"<div>Réponse ({ResponseBytes.Length} octets) :</div><pre>{HtmlText.Encode(HexDump(ResponseBytes))}</pre>");
        html.Append("</details></div>");
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Summary} ({ElapsedMs:0.00} ms)";
}
