using System.Net;

namespace NetCourse.Classroom;

/// <summary>One connected student, as the dashboard lists them.</summary>
/// <param name="Name">The name the student gave (plain text: escape it before putting it in HTML).</param>
/// <param name="Address">Where the student connects from.</param>
/// <param name="Since">When the student joined.</param>
/// <param name="Messages">Messages the student sent that reached the class.</param>
/// <param name="Progress">Exercise progress by chapter, when the student shared it (empty otherwise).</param>
public sealed record StudentInfo(string Name, IPEndPoint? Address, DateTimeOffset Since, long Messages, IReadOnlyList<ChapterProgress> Progress);
