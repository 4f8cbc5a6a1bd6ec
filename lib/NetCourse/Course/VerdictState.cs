namespace NetCourse.Course;

/// <summary>What a check concluded.</summary>
public enum VerdictState
{
    /// <summary>Right.</summary>
    Passed,

    /// <summary>Wrong: a try.</summary>
    Wrong,

    /// <summary>Still the starting answer (<c>???</c>, empty, the template's code): not a try.</summary>
    NotAnswered,

    /// <summary>A prediction was noted; it is checked after the run.</summary>
    Noted,

    /// <summary>The check could not be made (unknown id, the run's result not passed…): not a try.</summary>
    Problem,

    /// <summary>The solution, shown on request.</summary>
    SolutionShown,
}
