using System.Text;
using NetCourse.Capture;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>What became of a frame built by hand: captured back on the loopback (live), or written to a pcap and read back.</summary>
/// <param name="IsLive">True when the frame was really sent on <c>lo</c> and captured back.</param>
/// <param name="Explanation">In French: what was done, and why (the capture status when live capture was impossible).</param>
/// <param name="Capture">The captured frames (live), or the frame read back from the pcap file.</param>
/// <param name="Packets">The same frames, dissected.</param>
/// <param name="PcapPath">The pcap file written (fallback), else null.</param>
public sealed record RoundTripResult(bool IsLive, string Explanation, PacketTrace Capture, IReadOnlyList<DissectedPacket> Packets, string? PcapPath) : IHtmlView
{
    /// <inheritdoc />
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<style>table.nc-left td, table.nc-left th { text-align: left; }</style>");
        html.Append("<div style=\"font-family:sans-serif;font-size:13px\">");
        html.Append(IsLive ? "<div><b>🔴 En direct</b> — " : "<div><b>📄 Sans capture en direct</b> — ")
            .Append(HtmlText.Encode(Explanation)).Append("</div>");
        html.Append("<table class=\"nc-left\" style=\"border-collapse:collapse;margin-top:4px\"><tr><th style=\"text-align:left\">No.</th><th style=\"text-align:left\">Source</th><th style=\"text-align:left\">Destination</th><th style=\"text-align:left\">Protocole</th><th style=\"text-align:left\">Longueur</th><th style=\"text-align:left\">Info</th></tr>");
        foreach (var p in Packets)
        {
            var rule = ColoringRules.Default.Match(p);
            var style = rule is null ? "" : $" style=\"background:{rule.Background};color:{rule.Foreground}\"";
            html.Append("<tr").Append(style).Append("><td style=\"text-align:left\">").Append(p.Number).Append("</td><td style=\"text-align:left\">").Append(HtmlText.Encode(p.Source))
                .Append("</td><td style=\"text-align:left\">").Append(HtmlText.Encode(p.Destination)).Append("</td><td style=\"text-align:left\">").Append(HtmlText.Encode(p.Protocol))
                .Append("</td><td style=\"text-align:left\">").Append(p.Length).Append("</td><td style=\"text-align:left\">").Append(HtmlText.Encode(p.Info)).Append("</td></tr>");
        }
        html.Append("</table></div>");
        return html.ToString();
    }
}
