using NetCourse.Html;

namespace NetCourse.Classroom;

/// <summary>The class at one moment: who is connected, the recent messages, and what the server's bounds held back.</summary>
/// <param name="OpenedAt">When the class opened.</param>
/// <param name="Taken">When this snapshot was taken.</param>
/// <param name="Students">The students connected now, in the order they joined.</param>
/// <param name="Messages">The most recent lines (messages and the server's notices), oldest first.</param>
/// <param name="StudentsSeen">Students who gave a name since the start.</param>
/// <param name="MessagesRelayed">Messages relayed to the class since the start.</param>
/// <param name="LinesIgnored">Lines ignored because their sender went faster than the pace allowed.</param>
/// <param name="LinesCut">Lines cut because they were longer than the limit.</param>
/// <param name="SlowDropped">Students disconnected because they read too slowly.</param>
/// <param name="FloodersCut">Students disconnected because they kept sending too fast.</param>
/// <param name="Rejected">Connections turned away because the class was full.</param>
/// <param name="TimedOut">Connections closed because they stayed silent (no name, or idle).</param>
public sealed record ClassroomSnapshot(
    DateTimeOffset OpenedAt,
    DateTimeOffset Taken,
    IReadOnlyList<StudentInfo> Students,
    IReadOnlyList<ClassMessage> Messages,
    long StudentsSeen,
    long MessagesRelayed,
    long LinesIgnored,
    long LinesCut,
    long SlowDropped,
    long FloodersCut,
    long Rejected,
    long TimedOut) : IHtmlView
{
    /// <summary>The dashboard's content (names and messages HTML-escaped), for a notebook or the dashboard page.</summary>
    public string ToHtml() => DashboardHtml.Fragment(this);
}
