namespace NetCourse.Dissection;

/// <summary>The colours of one row of the packet list: the colouring rule's name and its CSS colours.</summary>
/// <param name="RuleName">The colouring rule that matched (for example "TCP SYN/FIN").</param>
/// <param name="Foreground">The text colour (CSS, for example <c>#12272e</c>).</param>
/// <param name="Background">The background colour (CSS).</param>
public sealed record PacketColor(string RuleName, string Foreground, string Background);
