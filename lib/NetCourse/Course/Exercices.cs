using NetCourse.Dissection;

namespace NetCourse.Course;

/// <summary>
/// The exercises of the course, as a cell calls them (French names, one call per cell). The exercise itself (question,
/// accepted answers, hint, solution, explanation) lives in the library under an id <c>chN.objectif</c>; the cell holds
/// only the student's answer:
/// <code>
/// var typeDeReseau = "???";
/// Exercices.Verifier("ch1.lan-wan", typeDeReseau)
/// </code>
/// <list type="bullet">
/// <item><see cref="Verifier"/>: a question; pass the run's result as <c>mesure</c> when the answer depends on it
/// (<c>Exercices.Verifier("ch4.ports-ouverts", mesPorts, balayage)</c>).</item>
/// <item><see cref="VerifierCodeAsync"/>: a code exercise; the lambda runs against real servers, bounded in time.</item>
/// <item><see cref="VerifierFiltre"/>: a code exercise written as a display filter, run on the student's capture.</item>
/// <item><see cref="Predire"/> before a live cell, <see cref="VerifierPrediction"/> after it with the cell's result.</item>
/// <item><see cref="Solution"/>, <see cref="Indice"/>, <see cref="Liste"/>, <see cref="Progression"/>.</item>
/// </list>
/// Answers are read as students write them (case, accents, articles, « quatre » = 4, « 1,5 s » = 1500 ms). The hint comes
/// after the first wrong try, the solution after three (or on request); <c>???</c> is not a try. Every verdict goes to
/// the progress file (<see cref="ProgressStore"/>). Nothing here throws.
/// </summary>
public static class Exercices
{
    private static readonly Lazy<ExerciseEngine> Engine = new(ExerciseEngine.FromEnvironment);

    /// <summary>The engine the notebooks use.</summary>
    public static ExerciseEngine Moteur => Engine.Value;

    /// <summary>Checks the answer to the question <paramref name="id"/>.</summary>
    /// <param name="id">The exercise, e.g. <c>"ch1.lan-wan"</c>.</param>
    /// <param name="reponse">The student's answer: text, number or list.</param>
    /// <param name="mesure">The result of the student's own run, when the answer is computed from it.</param>
    public static ExerciseVerdict Verifier(string id, object? reponse, object? mesure = null) => Moteur.Check(id, reponse, mesure);

    /// <summary>Runs the student's code for the code exercise <paramref name="id"/> and says what it did on the wire.</summary>
    /// <param name="id">The exercise, e.g. <c>"ch2.client"</c>.</param>
    /// <param name="code">A lambda with explicit parameter types, e.g. <c>async (string hote, int port) =&gt; { … }</c>.</param>
    public static Task<ExerciseVerdict> VerifierCodeAsync(string id, Delegate? code) => Moteur.CheckCodeAsync(id, code);

    /// <summary>
    /// Runs the student's display filter for the exercise <paramref name="id"/> on <paramref name="paquets"/> (the
    /// student's own capture; the exercise's recorded capture when null) and says which packets it kept, and which it
    /// should have kept or not.
    /// </summary>
    /// <param name="id">The exercise, e.g. <c>"ch6.filtre-donnees"</c>.</param>
    /// <param name="filtre">The filter, in Wireshark's display-filter language.</param>
    /// <param name="paquets">The packets to filter.</param>
    public static ExerciseVerdict VerifierFiltre(string id, string? filtre, IReadOnlyList<DissectedPacket>? paquets = null) =>
        Moteur.CheckFilter(id, filtre, paquets);

    /// <summary>Notes a prediction before the live cell that will check it.</summary>
    public static ExerciseVerdict Predire(string id, object? prediction) => Moteur.Predict(id, prediction);

    /// <summary>Checks the prediction noted for <paramref name="id"/> against <paramref name="resultat"/>, what the live cell gave.</summary>
    public static ExerciseVerdict VerifierPrediction(string id, object? resultat) => Moteur.CheckPrediction(id, resultat);

    /// <summary>Shows the solution (and why), on request.</summary>
    public static ExerciseVerdict Solution(string id, object? mesure = null) => Moteur.Solution(id, mesure);

    /// <summary>The question and its hint, without checking anything.</summary>
    public static string Indice(string id) => ExerciseRegistry.Find(id) is { } e ? $"{e.Question}\nIndice : {e.Hint}" : $"Aucun exercice « {id} ».";

    /// <summary>The exercises of a chapter (or of all chapters), with where the student stands.</summary>
    public static ProgressView Liste(int? chapitre = null) => ProgressView.Exercises(Moteur.Store, chapitre);

    /// <summary>Progress per chapter, read from the progress file.</summary>
    public static ProgressView Progression() => ProgressView.Chapters(Moteur.Store);
}
