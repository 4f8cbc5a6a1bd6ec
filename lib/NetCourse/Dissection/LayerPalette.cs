namespace NetCourse.Dissection;

/// <summary>The colours and French names the chapter gives the layers (the same in every view).</summary>
public static class LayerPalette
{
    /// <summary>The background colour of a layer's bytes, CSS.</summary>
    public static string Color(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "#e0e0e0",
        LayerKind.Link => "#ffd9a8",
        LayerKind.Network => "#bcd7ff",
        LayerKind.Transport => "#c4efbd",
        _ => "#f5c7ec",
    };

    /// <summary>The layer's name in the lesson's words (« couche liaison de données » …).</summary>
    public static string FrenchName(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "média de capture",
        LayerKind.Link => "couche liaison de données",
        LayerKind.Network => "couche réseau",
        LayerKind.Transport => "couche transport",
        _ => "données de l'application",
    };

    /// <summary>What the lesson calls the unit of data at that layer.</summary>
    public static string UnitName(LayerKind kind) => kind switch
    {
        LayerKind.Frame => "données capturées",
        LayerKind.Link => "trame",
        LayerKind.Network => "paquet",
        LayerKind.Transport => "datagramme (segment en TCP)",
        _ => "données",
    };
}
