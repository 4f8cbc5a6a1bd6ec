namespace NetCourse.Dissection;

/// <summary>
/// A field as a Wireshark dissector registers it (its <c>hf_register_info</c> entry): the filter name, the label the
/// details pane shows, the value type, the display base (or a boolean's bit width) and the bit mask.
/// </summary>
/// <param name="Name">The filter name, for example <c>ip.ttl</c>.</param>
/// <param name="Label">The label, for example <c>Time to Live</c>.</param>
/// <param name="Type">Wireshark's type name, for example <c>FT_UINT8</c>.</param>
/// <param name="Display">The display base (<c>BASE_DEC</c>, <c>BASE_HEX</c> …) or, for a boolean, its bit width.</param>
/// <param name="Bitmask">The bits of the container the field covers (0: the whole container).</param>
public sealed record WiresharkField(string Name, string Label, string Type, string Display, ulong Bitmask)
{
    /// <summary>The container's width in bits (8 for FT_UINT8, a boolean's declared width …), 0 when not a number.</summary>
    public int Bits => Type switch
    {
        "FT_UINT8" or "FT_INT8" => 8,
        "FT_UINT16" or "FT_INT16" => 16,
        "FT_UINT24" or "FT_INT24" => 24,
        "FT_UINT32" or "FT_INT32" => 32,
        "FT_BOOLEAN" => int.TryParse(Display, out var bits) ? bits : 0,
        _ => 0,
    };
}
