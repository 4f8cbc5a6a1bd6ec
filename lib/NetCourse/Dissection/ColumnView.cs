namespace NetCourse.Dissection;

/// <summary>The packet-list columns being built while a frame is dissected.</summary>
internal sealed class ColumnView
{
    public string Source { get; set; } = "";

    public string Destination { get; set; } = "";

    public string Protocol { get; set; } = "";

    public string Info { get; set; } = "";
}
