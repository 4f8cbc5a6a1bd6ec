namespace NetCourse.Capture;

/// <summary>
/// A capture file could not be read (missing, not a capture, empty, or damaged). The message is in French and
/// fits on one line; packets before the damage have already been returned.
/// </summary>
public sealed class CaptureFileException : Exception
{
    /// <summary>Creates the exception with a French, one-line message.</summary>
    public CaptureFileException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a French message and its cause.</summary>
    public CaptureFileException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public CaptureFileException() : base("Fichier de capture illisible.")
    {
    }
}
