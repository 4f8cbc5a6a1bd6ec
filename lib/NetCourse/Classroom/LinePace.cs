using System.Diagnostics;

namespace NetCourse.Classroom;

/// <summary>A token bucket: a student may send <c>burst</c> lines at once, then <c>perSecond</c> lines a second.</summary>
internal sealed class LinePace(double perSecond, int burst)
{
    private double _tokens = burst;
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>True when one more line may go now (and counts it).</summary>
    public bool TryTake()
    {
        var now = Stopwatch.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + Stopwatch.GetElapsedTime(_last, now).TotalSeconds * perSecond);
        _last = now;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
