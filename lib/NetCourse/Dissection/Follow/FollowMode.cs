namespace NetCourse.Dissection.Follow;

/// <summary>How a followed stream is printed, as tshark's <c>-z follow,tcp,MODE,N</c> names it.</summary>
public enum FollowMode
{
    /// <summary><c>ascii</c>: each chunk's length, then its bytes (printable ASCII, CR and LF kept, others as '.').</summary>
    Ascii,

    /// <summary><c>hex</c>: a hex dump per chunk, offsets counted per direction.</summary>
    Hex,

    /// <summary><c>raw</c>: each chunk as one line of hex digits.</summary>
    Raw,
}
