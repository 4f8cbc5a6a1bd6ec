using System.Diagnostics;

namespace NetCourse.Classroom;

/// <summary>A token bucket: a student may send <c>burst</c> lines at once, then <c>perSecond</c> lines a second.</summary>
internal sealed class LinePace(double perSecond, int burst)
{
    private double tokens = burst;
    private long last = Stopwatch.GetTimestamp();

    /// <summary>True when one more line may go now (and counts it).</summary>
    public bool TryTake()
    {
        var now = Stopwatch.GetTimestamp();
        tokens = Math.Min(burst, tokens + Stopwatch.GetElapsedTime(last, now).TotalSeconds * perSecond);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
