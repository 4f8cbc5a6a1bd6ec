namespace NetCourse.Dissection;

/// <summary>
/// Entries from the least to the most recently used, linked through the entries (<see cref="LruEntry{T}"/>): add,
/// move to the newest end and remove are O(1) and allocate nothing, so a table can drop its oldest entry beyond a
/// cap on every packet without slowing down.
/// </summary>
/// <typeparam name="T">The entries' type.</typeparam>
internal sealed class LruList<T>
    where T : LruEntry<T>
{
    /// <summary>How many entries the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>The least recently used entry, or null when the list is empty.</summary>
    public T? Oldest { get; private set; }

    private T? _newest;

    /// <summary>Puts <paramref name="entry"/> at the newest end, taking it out of the list it was in (this one or another).</summary>
    public void Touch(T entry)
    {
        if (entry.List == this && entry.Newer is null)
            return; // already the newest: the common case of a conversation's consecutive packets
        entry.List?.Remove(entry);
        entry.Older = _newest;
        entry.Newer = null;
        if (_newest is null)
            Oldest = entry;
        else
            _newest.Newer = entry;
        _newest = entry;
        entry.List = this;
        Count++;
    }

    /// <summary>Takes <paramref name="entry"/> out of this list (nothing if it is not in it).</summary>
    public void Remove(T entry)
    {
        if (entry.List != this)
            return;
        if (entry.Older is null)
            Oldest = entry.Newer;
        else
            entry.Older.Newer = entry.Newer;
        if (entry.Newer is null)
            _newest = entry.Older;
        else
            entry.Newer.Older = entry.Older;
        entry.Older = entry.Newer = null;
        entry.List = null;
        Count--;
    }
}
