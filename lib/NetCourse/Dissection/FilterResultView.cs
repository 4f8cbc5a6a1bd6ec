using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// A display filter applied to a packet list, as Wireshark's filter bar does: the matching packets in their colours,
/// or — when the filter cannot be read — the French error with a caret under the offending character.
/// </summary>
public sealed class FilterResultView : IHtmlView
{
    /// <summary>Applies <paramref name="filter"/> to <paramref name="packets"/>; never throws for a bad filter.</summary>
    public FilterResultView(IReadOnlyList<DissectedPacket> packets, string? filter)
    {
        ArgumentNullException.ThrowIfNull(packets);
        Filter = filter ?? "";
        Total = packets.Count;
        if (string.IsNullOrWhiteSpace(Filter))
        {
            Matching = packets;
        }
        else if (DisplayFilter.TryParse(Filter, out var parsed, out var error))
        {
            Matching = packets.Where(parsed.Matches).ToList();
        }
        else
        {
            Matching = [];
            Error = error;
        }
    }

    /// <summary>The filter text.</summary>
    public string Filter { get; }

    /// <summary>The packets the filter selects (empty when it cannot be read).</summary>
    public IReadOnlyList<DissectedPacket> Matching { get; }

    /// <summary>The number of packets filtered.</summary>
    public int Total { get; }

    /// <summary>Why the filter cannot be read, or null.</summary>
    public DisplayFilterException? Error { get; }

    /// <summary>The numbers (No.) of the selected packets.</summary>
    public IReadOnlyList<long> Numbers => Matching.Select(p => p.Number).ToList();

    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        var background = Error is null ? "#e8f5e9" : "#ffebee";
        html.Append("<div style=\"font-family:monospace;font-size:13px;background:").Append(background).Append(";padding:4px 8px;border:1px solid #bbb\">")
            .Append("Filtre : <b>").Append(HtmlText.Encode(Filter.Length == 0 ? "(aucun)" : Filter)).Append("</b>");
        if (Error is not null)
        {
            // The message names the column and repeats the filter with a caret under the offending character.
            html.Append("<pre style=\"margin:2px 0;color:#b00;white-space:pre-wrap\">").Append(HtmlText.Encode(Error.Message)).Append("</pre></div>");
            return html.ToString();
        }
        html.Append(" — ").Append(Matching.Count).Append(" paquet(s) affiché(s) sur ").Append(Total).Append("</div>");
        html.Append(PacketViews.List(Matching).ToHtml());
        return html.ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        Error is not null ? $"Filtre « {Filter} » illisible : {Error.Message}" : $"Filtre « {Filter} » : {Matching.Count} paquet(s) sur {Total} ({string.Join(", ", Numbers)})";
}
