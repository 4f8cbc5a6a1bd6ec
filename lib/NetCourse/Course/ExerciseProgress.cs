namespace NetCourse.Course;

/// <summary>Where a student stands on one exercise (one entry of the progress file).</summary>
/// <param name="Id">The exercise's id.</param>
/// <param name="Kind">« question » or « code ».</param>
/// <param name="Passed">True once a right answer was given (it stays true).</param>
/// <param name="Tries">Wrong answers so far (the starting answer does not count).</param>
/// <param name="SolutionShown">True once the solution was shown.</param>
/// <param name="LastAnswer">The last answer checked, as written (for a prediction, the prediction).</param>
/// <param name="Updated">When it last changed (UTC).</param>
public sealed record ExerciseProgress(string Id, string Kind, bool Passed, int Tries, bool SolutionShown, string LastAnswer, DateTime Updated);
