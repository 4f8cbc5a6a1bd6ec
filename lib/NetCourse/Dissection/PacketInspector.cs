using System.Text;
using NetCourse.Html;

namespace NetCourse.Dissection;

/// <summary>
/// One packet as Wireshark's two lower panes show it: the details tree above, the bytes below. Clicking a layer of
/// the tree highlights its bytes, clicking a field exactly the field's bytes (one inline click handler; without script
/// the selected layer stays highlighted).
/// </summary>
public sealed class PacketInspector : IHtmlView
{
    /// <summary>Creates the inspector.</summary>
    /// <param name="packet">The packet.</param>
    /// <param name="selected">The layer highlighted at first.</param>
    public PacketInspector(DissectedPacket packet, LayerKind selected = LayerKind.Transport)
    {
        ArgumentNullException.ThrowIfNull(packet);
        Packet = packet;
        Selected = selected;
    }

    /// <summary>The packet shown.</summary>
    public DissectedPacket Packet { get; }

    /// <summary>The layer highlighted at first.</summary>
    public LayerKind Selected { get; }

    /// <inheritdoc />
    public string ToHtml()
    {
        var id = HtmlText.NewId("netcourse-inspector");
        var html = new StringBuilder(8192);
        html.Append("<style>");
        foreach (var kind in Enum.GetValues<LayerKind>())
        {
            var k = (int)kind;
            html.Append('#').Append(id).Append("[data-sel=\"").Append(k).Append("\"] .k").Append(k).Append("{background:#fff176}");
        }
        html.Append('#').Append(id).Append("[data-sel=\"0\"] pre span{background:#fff176}");
        html.Append('#').Append(id).Append(" .nc-hl{background:#fff176}#").Append(id).Append(" .nc-f{cursor:pointer}#").Append(id).Append(" .nc-on{background:#cfe2ff}");
        html.Append("</style>");
        html.Append("<div id=\"").Append(id).Append("\" data-sel=\"").Append((int)Selected).Append("\" onclick=\"").Append(ClickScript).Append("\">");
        html.Append("<div style=\"font-family:sans-serif;font-size:13px;margin-bottom:4px\"><b>Paquet n° ").Append(Packet.Number).Append("</b> — ")
            .Append(HtmlText.Encode(Packet.Info)).Append(" <span style=\"color:#777\">(cliquez sur une couche ou sur un champ pour surligner ses octets)</span></div>");
        html.Append(new PacketDetailsView(Packet).Render(id));
        html.Append(PacketBytesView.Render(Packet, Selected, id));
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>
    /// One click handler for the whole inspector: a field's line (data-off, data-len) lights exactly its bytes, as
    /// Wireshark does, and is marked as selected; a layer's title (data-layer) lights the layer's bytes.
    /// </summary>
    private const string ClickScript =
        "var t=event.target.closest('[data-off],[data-layer]');if(!t||!this.contains(t))return;var o=-1,n=0;"
        + "this.querySelectorAll('.nc-on').forEach(function(e){e.classList.remove('nc-on')});"
        + "if(t.hasAttribute('data-off')){o=+t.getAttribute('data-off');n=+t.getAttribute('data-len');"
        + "this.setAttribute('data-sel','f');t.classList.add('nc-on')}else{this.setAttribute('data-sel',t.getAttribute('data-layer'))}"
        + "this.querySelectorAll('[data-i]').forEach(function(s){var i=+s.getAttribute('data-i');"
        + "s.classList.toggle('nc-hl',i&gt;=o&amp;&amp;i&lt;o+n)})";

    /// <inheritdoc />
    public override string ToString() => new PacketDetailsView(Packet) + Environment.NewLine + new PacketBytesView(Packet, Selected);
}
