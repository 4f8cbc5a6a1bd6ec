namespace NetCourse.Dissection;

/// <summary>The five layers of a packet as the course names them (in French, after the source) and their colours.</summary>
public static class LayerNames
{
    /// <summary>The layer's French name, as the source lists the five entries of Wireshark's details pane.</summary>
    public static string French(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "Données sur le média de capture",
        LayerKind.Link => "Trame (couche liaison de données)",
        LayerKind.Network => "Paquet (couche réseau)",
        LayerKind.Transport => "Datagramme / segment (couche transport)",
        LayerKind.Application => "Données de l'application",
        _ => kind.ToString(),
    };

    /// <summary>A light background colour for the layer's bytes.</summary>
    public static string Color(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "#eeeeee",
        LayerKind.Link => "#cfe3ff",
        LayerKind.Network => "#d4f5d0",
        LayerKind.Transport => "#ffe2b8",
        LayerKind.Application => "#f0d4ff",
        _ => "#ffffff",
    };

    /// <summary>The innermost layer covering each byte of the packet (the frame layer where no other does).</summary>
    public static LayerKind[] ByteLayers(DissectedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var kinds = new LayerKind[packet.Bytes.Length];
        foreach (var layer in packet.Layers)
        {
            if (layer.Kind == LayerKind.Frame || layer.Offset < 0) continue;
            var end = layer.Kind == LayerKind.Application ? kinds.Length : Math.Min(kinds.Length, layer.Offset + Math.Max(0, layer.Length));
            for (var i = Math.Max(0, layer.Offset); i < end; i++)
                if (layer.Kind >= kinds[i]) kinds[i] = layer.Kind;
        }
        return kinds;
    }
}
