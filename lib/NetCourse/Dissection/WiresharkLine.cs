namespace NetCourse.Dissection;

/// <summary>One line of Wireshark's details pane for one field, as Wireshark words it.</summary>
/// <param name="Field">The tshark field name (shown on hover), for example <c>ip.ttl</c>.</param>
/// <param name="Text">The line, for example <c>Time to Live: 64</c> or <c>.1.. .... = Don't fragment: Set</c>.</param>
/// <param name="Depth">0 for a field of the protocol, 1 for a bit of a flags field shown below it.</param>
/// <param name="Gloss">A short French explanation for the fields the course teaches, or null.</param>
/// <param name="Offset">The field's first byte in the frame (-1 for a computed field).</param>
/// <param name="Length">How many bytes of the frame the field covers.</param>
public sealed record WiresharkLine(string Field, string Text, int Depth, string? Gloss, int Offset, int Length);
