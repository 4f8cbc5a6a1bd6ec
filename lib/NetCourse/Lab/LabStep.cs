namespace NetCourse.Lab;

/// <summary>One command of building the lab.</summary>
/// <param name="Description">What it does, in French.</param>
/// <param name="Program">The program (ip, tc).</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="Optional">True when a failure is reported but does not stop the lab (the netem delay).</param>
internal sealed record LabStep(string Description, string Program, IReadOnlyList<string> Arguments, bool Optional = false)
{
    public override string ToString() => $"{Program} {string.Join(' ', Arguments)}";
}
