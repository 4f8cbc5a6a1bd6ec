using NetCourse.Dissection;

namespace NetCourse.Course.Exercises;

/// <summary>
/// A display filter as an answer: right when, applied to the student's own packets, it keeps exactly what the
/// <see cref="FilterTarget"/> asks for; the feedback names each frame kept wrongly or missed (<see cref="DisplayFilterCheck"/>).
/// </summary>
internal sealed class FilterAnswerRule(IReadOnlyList<DissectedPacket> packets, FilterTarget target, string solution,
    string[] variants, string wrong) : AnswerRule
{
    /// <inheritdoc />
    public override string SolutionLiteral => Quote(solution);

    /// <inheritdoc />
    public override object SolutionValue => solution;

    /// <inheritdoc />
    public override IReadOnlyList<object> AcceptedVariants => variants;

    /// <inheritdoc />
    public override object WrongExample => wrong;

    /// <inheritdoc />
    public override bool Accepts(object? answer, out string feedback)
    {
        var report = DisplayFilterCheck.Check(packets, answer as string ?? answer?.ToString(), target);
        feedback = report.Feedback;
        return report.Passed;
    }
}
