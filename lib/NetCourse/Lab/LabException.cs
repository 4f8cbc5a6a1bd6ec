namespace NetCourse.Lab;

/// <summary>The lab could not be built (its French message says why); whatever had been built was removed.</summary>
public sealed class LabException : Exception
{
    /// <summary>Creates the exception with its French message.</summary>
    public LabException(string message) : base(message) { }

    /// <summary>Creates the exception with its French message and cause.</summary>
    public LabException(string message, Exception inner) : base(message, inner) { }
}
