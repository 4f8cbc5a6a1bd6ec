using System.Collections.Concurrent;
using NetCourse.Dissection;

namespace NetCourse.Course;

/// <summary>
/// Checks answers against the <see cref="ExerciseRegistry"/>, counts tries, unlocks the hint (after the first wrong
/// try) and the solution (after <see cref="TriesBeforeSolution"/> wrong tries, or on request), and records every
/// verdict in a <see cref="ProgressStore"/>. With <c>NETCOURSE_SOLUTIONS=1</c> (the instructor's book) every check
/// uses the exercise's registered solution instead of the cell's answer. Never throws; code runs are bounded.
/// </summary>
/// <param name="store">Where verdicts are recorded.</param>
/// <param name="applySolutions">True to check the registered solution instead of the student's answer.</param>
public sealed class ExerciseEngine(ProgressStore store, bool applySolutions = false)
{
    /// <summary>The environment variable that makes every check use the registered solution (value 1).</summary>
    public const string SolutionsVariable = "NETCOURSE_SOLUTIONS";

    /// <summary>Wrong tries after which the solution is offered.</summary>
    public const int TriesBeforeSolution = 3;

    private readonly ConcurrentDictionary<string, object?> _predictions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The engine the notebooks use: the default progress file, solutions when <c>NETCOURSE_SOLUTIONS=1</c>.</summary>
    public static ExerciseEngine FromEnvironment() =>
        new(ProgressStore.Default(), Environment.GetEnvironmentVariable(SolutionsVariable) is "1" or "true" or "oui");

    /// <summary>Where verdicts go.</summary>
    public ProgressStore Store => store;

    /// <summary>True in the instructor's book: checks use the registered solutions.</summary>
    public bool AppliesSolutions => applySolutions;

    /// <summary>Checks a question's answer; <paramref name="context"/> is the run's result when the answer depends on it.</summary>
    public ExerciseVerdict Check(string id, object? answer, object? context = null) => Guard(id, definition =>
    {
        if (definition.Filter is not null)
            return Problem(definition, $"« {definition.Id} » demande un filtre d'affichage : {CallFor(definition)}.");
        if (definition.Kind == ExerciseKind.Code)
            return Problem(definition, $"« {definition.Id} » est un exercice de code : appelez Exercices.VerifierCodeAsync(\"{definition.Id}\", {definition.Code?.Signature ?? "votre code"}).");
        if (definition.IsPrediction)
            return Problem(definition, $"« {definition.Id} » est une prédiction : notez-la avec Exercices.Predire(\"{definition.Id}\", maPrediction) avant la cellule, vérifiez-la après avec Exercices.VerifierPrediction.");
        return Judge(definition, answer, context);
    });

    /// <summary>Notes a prediction before the run (the starting answer is refused).</summary>
    public ExerciseVerdict Predict(string id, object? prediction) => Guard(id, definition =>
    {
        if (!definition.IsPrediction)
            return Problem(definition, $"« {definition.Id} » n'est pas une prédiction : utilisez Exercices.Verifier.");
        if (!applySolutions && AnswerText.IsStarting(prediction))
            return NotAnswered(definition, "Remplacez ??? par votre prédiction, exécutez cette cellule, puis seulement la cellule suivante.");
        _predictions[definition.Id] = applySolutions ? SolutionMarker.Instance : prediction;
        var shown = applySolutions ? "(la solution)" : $"« {AnswerText.Show(prediction)} »";
        return new ExerciseVerdict(definition.Id, definition.Title, VerdictState.Noted,
            $"Vous prédisez {shown}. Exécutez maintenant la cellule suivante : la prédiction sera vérifiée sur ce qu'elle mesure.",
            null, null, null, [], TriesOf(definition));
    });

    /// <summary>Checks the noted prediction against what the run gave.</summary>
    public ExerciseVerdict CheckPrediction(string id, object? runResult) => Guard(id, definition =>
    {
        if (!definition.IsPrediction)
            return Problem(definition, $"« {definition.Id} » n'est pas une prédiction : utilisez Exercices.Verifier.");
        if (!_predictions.TryGetValue(definition.Id, out var prediction))
            return NotAnswered(definition,
                "Aucune prédiction notée : remplacez ??? dans la cellule « Exercices.Predire » au-dessus, exécutez-la, puis relancez la mesure et cette cellule.");
        return Judge(definition, prediction is SolutionMarker ? null : prediction, runResult, forceSolution: prediction is SolutionMarker);
    });

    /// <summary>Shows the solution on request (recorded: the exercise is not marked passed).</summary>
    public ExerciseVerdict Solution(string id, object? context = null) => Guard(id, definition =>
    {
        var solution = SolutionText(definition, context);
        if (solution is null)
            return Problem(definition, MissingContext(definition));
        var entry = store.Update(definition.Id, KindName(definition), p => p with { SolutionShown = true });
        return new ExerciseVerdict(definition.Id, definition.Title, VerdictState.SolutionShown,
            "La voici. Essayez ensuite de la retrouver seul : relancez votre cellule avec votre propre réponse.",
            definition.Hint, solution, definition.Explanation, [], entry.Tries);
    });

    /// <summary>
    /// Runs the student's display filter (a code exercise in Wireshark's filter language) on <paramref name="packets"/>,
    /// the student's own capture, or on the exercise's recorded capture when none is passed, and judges what it kept.
    /// </summary>
    public ExerciseVerdict CheckFilter(string id, string? filter, IReadOnlyList<DissectedPacket>? packets = null) => Guard(id, definition =>
    {
        if (definition.Filter is not { } exercise)
            return Problem(definition, $"« {definition.Id} » n'est pas un exercice de filtre d'affichage : {CallFor(definition)}.");
        var report = exercise.Run(applySolutions ? exercise.Solution : filter, packets);
        if (report.DidNothing)
            return NotAnswered(definition, report.Feedback, report.Wire);
        return Record(definition, report.Passed, report.Feedback, report.Wire, (applySolutions ? exercise.Solution : filter ?? "").Trim(),
            exercise.Solution);
    });

    /// <summary>Runs the student's code (bounded by the exercise's <see cref="CodeExercise.Bound"/>) and judges what it did.</summary>
    public async Task<ExerciseVerdict> CheckCodeAsync(string id, Delegate? code, CancellationToken cancellationToken = default)
    {
        var definition = ExerciseRegistry.Find(id);
        if (definition is null) return Unknown(id);
        try
        {
            if (definition.Code is not { } exercise)
                return Problem(definition, $"« {definition.Id} » ne s'écrit pas en C# : {CallFor(definition)}.");
            var run = applySolutions ? exercise.Reference : code;
            if (run is null)
                return NotAnswered(definition, $"Écrivez votre code : {exercise.Signature}");
            if (!exercise.DelegateType.IsInstanceOfType(run))
                return Problem(definition, $"Votre code doit avoir la forme {exercise.Signature} (types des paramètres compris).");
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(exercise.Bound);
            CodeReport report;
            try
            {
                report = await exercise.Run(run, bound.Token).WaitAsync(exercise.Bound + TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                report = new CodeReport(false, $"Votre code n'a pas fini en {exercise.Bound.TotalSeconds:0} s : une attente sans fin ? (chaque lecture doit avoir une réponse, ou un délai).", []);
            }
            if (report.DidNothing)
                return NotAnswered(definition,
                    report.Feedback.Length > 0 ? report.Feedback : "Votre code n'a encore rien fait : complétez-le puis ré-exécutez la cellule.",
                    report.Wire);
            return Record(definition, report.Passed, report.Feedback, report.Wire, "(code)", exercise.SolutionCode);
        }
        catch (Exception e)
        {
            return Problem(definition, $"Le correcteur a rencontré un problème ({e.GetType().Name} : {e.Message}).");
        }
    }

    private ExerciseVerdict Judge(ExerciseDefinition definition, object? answer, object? context, bool forceSolution = false)
    {
        var rule = definition.Rule?.Invoke(context);
        if (rule is null)
            return Problem(definition, MissingContext(definition));
        if (applySolutions || forceSolution)
            answer = rule.SolutionValue;
        if (AnswerText.IsStarting(answer))
            return NotAnswered(definition, "Remplacez ??? par votre réponse puis ré-exécutez la cellule.");
        var passed = rule.Accepts(answer, out var feedback);
        if (passed)
        {
            feedback = $"« {AnswerText.Show(answer)} » : c'est juste.";
        }
        else if (definition.Misconceptions.FirstOrDefault(m => AnswerRule.OneOf([.. m.Answers]).Accepts(answer, out _)) is { } misconception)
        {
            feedback = $"« {AnswerText.Show(answer)} » : {misconception.Message}";
        }
        return Record(definition, passed, feedback, [], AnswerText.Show(answer), rule.SolutionLiteral);
    }

    private ExerciseVerdict Record(ExerciseDefinition definition, bool passed, string feedback, IReadOnlyList<string> wire, string answer, string solution)
    {
        var entry = store.Update(definition.Id, KindName(definition), p => p with
        {
            Passed = p.Passed || passed,
            Tries = passed ? p.Tries : p.Tries + 1,
            LastAnswer = answer,
        });
        var unlocked = !passed && (entry.Tries >= TriesBeforeSolution || entry.SolutionShown);
        if (unlocked && !entry.SolutionShown)
            store.Update(definition.Id, KindName(definition), p => p with { SolutionShown = true });
        return new ExerciseVerdict(definition.Id, definition.Title, passed ? VerdictState.Passed : VerdictState.Wrong, feedback,
            passed ? null : definition.Hint, unlocked ? solution : null, definition.Explanation, wire, entry.Tries);
    }

    /// <summary>
    /// The starting answer (or code that did nothing): not a try, so no hint and no count, but recorded as met and not
    /// passed — the book's summary then says « not passed » for an untouched <c>???</c>, not « no cell checked it ».
    /// </summary>
    private ExerciseVerdict NotAnswered(ExerciseDefinition definition, string message, IReadOnlyList<string>? wire = null)
    {
        var entry = store.Update(definition.Id, KindName(definition), p => p);
        return new ExerciseVerdict(definition.Id, definition.Title, VerdictState.NotAnswered, message, null, null, null, wire ?? [], entry.Tries);
    }

    private static ExerciseVerdict Guard(string id, Func<ExerciseDefinition, ExerciseVerdict> check)
    {
        var definition = ExerciseRegistry.Find(id);
        if (definition is null) return Unknown(id);
        try
        {
            return check(definition);
        }
        catch (Exception e)
        {
            // The student's cell must always show a verdict, never a stack trace.
            return Problem(definition, $"Le correcteur a rencontré un problème ({e.GetType().Name} : {e.Message}).");
        }
    }

    private int TriesOf(ExerciseDefinition definition) => store.Get(definition.Id)?.Tries ?? 0;

    private static string? SolutionText(ExerciseDefinition definition, object? context) =>
        definition.Code is { } code ? code.SolutionCode
        : definition.Filter is { } filter ? filter.Solution
        : definition.Rule?.Invoke(context)?.SolutionLiteral;

    /// <summary>The call that checks <paramref name="definition"/>, for a message when the cell used another one.</summary>
    private static string CallFor(ExerciseDefinition definition) =>
        definition.Filter is not null ? $"appelez Exercices.VerifierFiltre(\"{definition.Id}\", monFiltre, paquets)"
        : definition.Code is { } code ? $"appelez Exercices.VerifierCodeAsync(\"{definition.Id}\", {code.Signature})"
        : $"utilisez Exercices.Verifier(\"{definition.Id}\", votreReponse)";

    private static string MissingContext(ExerciseDefinition definition) =>
        $"Cette réponse se vérifie sur votre propre exécution : passez {definition.ContextHelp ?? "le résultat de la cellule"} en dernier argument (et exécutez d'abord les cellules au-dessus).";

    private static ExerciseVerdict Problem(ExerciseDefinition definition, string message) =>
        new(definition.Id, definition.Title, VerdictState.Problem, message, null, null, null, [], 0);

    private static ExerciseVerdict Unknown(string? id)
    {
        var known = string.Join(", ", ExerciseRegistry.All.Select(e => e.Id));
        return new ExerciseVerdict(id ?? "", "exercice inconnu", VerdictState.Problem,
            $"Aucun exercice ne porte l'identifiant « {id} ». Identifiants connus : {known}.", null, null, null, [], 0);
    }

    /// <summary>« question » or « code », as the progress file and the book's summary write it.</summary>
    public static string KindName(ExerciseDefinition definition) => definition.Kind == ExerciseKind.Code ? "code" : "question";

    private sealed class SolutionMarker
    {
        public static readonly SolutionMarker Instance = new();
    }
}
