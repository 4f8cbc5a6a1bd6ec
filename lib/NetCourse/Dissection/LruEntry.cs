namespace NetCourse.Dissection;

/// <summary>
/// An entry of a capture table kept in least-recently-used order (<see cref="LruList{T}"/>): the links live in the
/// entry itself, so moving it to the newest end on each packet costs a few field writes and no allocation.
/// </summary>
/// <typeparam name="T">The entry's own type.</typeparam>
internal abstract class LruEntry<T>
    where T : LruEntry<T>
{
    /// <summary>The entry used just before this one (null for the oldest).</summary>
    internal T? Older;

    /// <summary>The entry used just after this one (null for the newest).</summary>
    internal T? Newer;

    /// <summary>The list that holds the entry, or null when it is in none.</summary>
    internal LruList<T>? List;
}
