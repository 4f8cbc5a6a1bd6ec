namespace NetCourse.Dissection;

/// <summary>One line of the lesson's simplified colour table, set against Wireshark's real default rules.</summary>
/// <param name="Color">The colour as the lesson names it (Mauve, Gris …).</param>
/// <param name="SourceUsage">What the lesson says that colour shows.</param>
/// <param name="Background">The background colour of the real rule(s) that colour stands for, CSS.</param>
/// <param name="Foreground">The text colour of that real rule, CSS.</param>
/// <param name="RealRules">The names of the real rules the colour corresponds to.</param>
/// <param name="Right">Where the lesson is right, in French.</param>
/// <param name="Wrong">Where it is wrong or incomplete, in French.</param>
public sealed record SourceColorEntry(string Color, string SourceUsage, string Background, string Foreground,
    IReadOnlyList<string> RealRules, string Right, string Wrong);
