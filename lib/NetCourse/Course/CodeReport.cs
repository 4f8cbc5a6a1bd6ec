namespace NetCourse.Course;

/// <summary>What a student's code did when the engine ran it against real things.</summary>
/// <param name="Passed">True when it did everything asked.</param>
/// <param name="Feedback">The verdict in one or two French sentences (which step is missing, what came back).</param>
/// <param name="Wire">What happened on the wire, one French line per event, in order (as the server or the capture saw it).</param>
/// <param name="DidNothing">True when the code is still the starting template (it touched nothing): not a try.</param>
public sealed record CodeReport(bool Passed, string Feedback, IReadOnlyList<string> Wire, bool DidNothing = false);
