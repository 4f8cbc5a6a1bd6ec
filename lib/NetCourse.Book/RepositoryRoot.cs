namespace NetCourse.Book;

/// <summary>Finds the course's repository (the folder holding NetCourse.sln).</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root, searched upwards from the current folder, then from this program's folder.</summary>
    /// <exception cref="InvalidOperationException">No NetCourse.sln above either folder.</exception>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NetCourse.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("NetCourse.sln introuvable : lancez netcourse depuis le dépôt du cours.");
    }
}
