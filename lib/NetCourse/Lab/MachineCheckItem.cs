namespace NetCourse.Lab;

/// <summary>One line of the machine check.</summary>
/// <param name="Item">What was checked, in French.</param>
/// <param name="Value">What was found.</param>
/// <param name="Ok">True (good), false (missing, with a fallback), or null (information only).</param>
public sealed record MachineCheckItem(string Item, string Value, bool? Ok);
