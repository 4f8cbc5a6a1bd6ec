using NetCourse.Dissection;

namespace NetCourse.Course.Exercises;

/// <summary>
/// Chapter 7's layer quiz as an answer: a dictionary « field → layer » for every field of <see cref="LayerQuiz.Fields"/>,
/// checked against the packet itself (the entry of the details pane that holds the field).
/// </summary>
internal sealed class LayerAnswerRule(DissectedPacket packet) : AnswerRule
{
    private Dictionary<string, string> Right(Func<LayerKind, string> word) =>
        LayerQuiz.Fields.ToDictionary(f => f, f => LayerQuiz.LayerOf(packet, f) is { } kind ? word(kind) : "?");

    /// <inheritdoc />
    public override string SolutionLiteral =>
        "new Dictionary<string, string> { " + string.Join(", ", Right(LayerQuiz.Word).Select(p => $"[\"{p.Key}\"] = \"{p.Value}\"")) + " }";

    /// <inheritdoc />
    public override object SolutionValue => Right(LayerQuiz.Word);

    /// <inheritdoc />
    public override IReadOnlyList<object> AcceptedVariants =>
    [
        Right(kind => kind switch
        {
            LayerKind.Frame => "métadonnées de capture",
            LayerKind.Link => "trame",
            LayerKind.Network => "paquet",
            LayerKind.Transport => "segment",
            _ => "données",
        }),
        Right(kind => "Couche " + LayerQuiz.Word(kind).ToUpperInvariant()),
    ];

    /// <inheritdoc />
    public override object WrongExample => new Dictionary<string, string>(Right(LayerQuiz.Word)) { ["frame.len"] = "physique" };

    /// <inheritdoc />
    public override bool Accepts(object? answer, out string feedback)
    {
        if (answer is not IReadOnlyDictionary<string, string> answers)
        {
            feedback = "La réponse est un dictionnaire « champ → couche » : gardez la forme de la cellule.";
            return false;
        }
        var result = LayerQuiz.Check(packet, answers);
        feedback = result.Feedback;
        return result.Passed;
    }
}
