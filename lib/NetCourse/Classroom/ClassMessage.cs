namespace NetCourse.Classroom;

/// <summary>One line of the class's conversation.</summary>
/// <param name="Time">When the server received it.</param>
/// <param name="From">The sender's name, or null for the server's own notices.</param>
/// <param name="Text">The text (plain: escape it before putting it in HTML).</param>
/// <param name="WasCut">True when the line was longer than the limit and was cut.</param>
public sealed record ClassMessage(DateTimeOffset Time, string? From, string Text, bool WasCut = false);
