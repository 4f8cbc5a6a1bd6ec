namespace NetCourse.Dissection;

/// <summary>One field of a dissected packet, named as Wireshark names it.</summary>
/// <param name="Name">The Wireshark field name, for example <c>ip.ttl</c>.</param>
/// <param name="Value">The typed value, with the text tshark prints for it.</param>
/// <param name="Offset">The field's first byte in the frame (for highlighting in a bytes pane); -1 when the field is computed, not read.</param>
/// <param name="Length">The number of bytes the field covers in the frame (0 for computed fields).</param>
public readonly record struct PacketField(string Name, FieldValue Value, int Offset, int Length);
