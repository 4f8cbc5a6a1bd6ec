namespace NetCourse.Dissection;

/// <summary>A field name as the dissector stores it (interned) and the protocol whose layers hold it (null: any layer).</summary>
internal sealed record FieldKeyInfo(string Name, string? Protocol);
