namespace NetCourse.Classroom;

/// <summary>The bounds of a class's chat server: it faces a room of students, so nothing is unbounded.</summary>
/// <param name="MaxStudents">The most connections at once; more are turned away (default 60).</param>
/// <param name="MaxLineBytes">A longer line is cut to this many bytes (default 1 KiB).</param>
/// <param name="NameTimeout">A connection that does not send its name in this time is closed (default 10 s).</param>
/// <param name="IdleTimeout">A connection with no traffic either way for this long is closed (default 30 min: a class is often quiet).</param>
/// <param name="LinesPerSecond">The pace a student may keep up; faster lines are ignored (default 10 per second).</param>
/// <param name="Burst">How many lines a student may send at once before the pace applies (default 30).</param>
/// <param name="FloodLimit">After this many ignored lines, the student is disconnected (default 200).</param>
/// <param name="MaxQueuedBytes">The most bytes waiting for one student; a student slower to read is dropped (default 256 KiB).</param>
/// <param name="MessagesKept">How many recent messages the dashboard keeps (default 200).</param>
public sealed record ClassroomOptions(
    int MaxStudents = 60,
    int MaxLineBytes = 1024,
    TimeSpan? NameTimeout = null,
    TimeSpan? IdleTimeout = null,
    double LinesPerSecond = 10,
    int Burst = 30,
    int FloodLimit = 200,
    long MaxQueuedBytes = 256 * 1024,
    int MessagesKept = 200)
{
    /// <summary>The defaults.</summary>
    public static ClassroomOptions Default { get; } = new();

    /// <summary>The name timeout in effect.</summary>
    public TimeSpan NameWait => NameTimeout ?? TimeSpan.FromSeconds(10);

    /// <summary>The idle timeout in effect.</summary>
    public TimeSpan IdleWait => IdleTimeout ?? TimeSpan.FromMinutes(30);

    /// <summary>Throws when a bound is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStudents, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxStudents, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineBytes, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxLineBytes, 64 * 1024);
        if (NameWait <= TimeSpan.Zero || NameWait > TimeSpan.FromMinutes(5))
            throw new ArgumentOutOfRangeException(nameof(NameTimeout), "Le délai pour donner son nom doit être compris entre 1 ms et 5 min.");
        if (IdleWait <= TimeSpan.Zero || IdleWait > TimeSpan.FromHours(12))
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), "Le délai d'inactivité doit être compris entre 1 ms et 12 h.");
        if (!(LinesPerSecond > 0 && LinesPerSecond <= 10_000)) throw new ArgumentOutOfRangeException(nameof(LinesPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThan(Burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(FloodLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuedBytes, 4096);
        ArgumentOutOfRangeException.ThrowIfLessThan(MessagesKept, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MessagesKept, 10_000);
    }
}
