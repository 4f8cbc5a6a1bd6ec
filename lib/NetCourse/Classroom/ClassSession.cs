using NetCourse.Html;

namespace NetCourse.Classroom;

/// <summary>
/// What a notebook's "join the class" cell holds: with the instructor's address, a connection to that address only;
/// without one, a <see cref="LocalClassroom"/> on the loopback with simulated classmates, joined the same way. Register
/// it with the course's live resources so that re-running the cell or ending the kernel leaves the class.
/// </summary>
public sealed class ClassSession : IAsyncDisposable, IHtmlView
{
    private ClassSession(ClassroomClient client, LocalClassroom? local)
    {
        Client = client;
        Local = local;
    }

    /// <summary>The student's connection.</summary>
    public ClassroomClient Client { get; }

    /// <summary>The local class when no address was given, else null.</summary>
    public LocalClassroom? Local { get; }

    /// <summary>Joins the class at <paramref name="address"/> (an IP, optionally :port) or, when it is empty, a local simulated class.</summary>
    /// <param name="address">The instructor's address as the student typed it; empty for a local class.</param>
    /// <param name="name">The student's name.</param>
    /// <param name="port">The chat port when the address has none (default 12800, the lesson's).</param>
    /// <param name="timeout">The bound of every network operation (default 5 s).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <exception cref="ArgumentException">The address is not an IP address (the message says what to type).</exception>
    public static async Task<ClassSession> JoinAsync(string? address, string name, int port = 12800, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            var local = await LocalClassroom.StartAsync().ConfigureAwait(false);
            try
            {
                return new ClassSession(await ClassroomClient.JoinAsync(local.Server.EndPoint, name, timeout, cancellationToken).ConfigureAwait(false), local);
            }
            catch
            {
                await local.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        var server = ClassroomClient.ParseAddress(address, port, out var error) ?? throw new ArgumentException(error, nameof(address));
        return new ClassSession(await ClassroomClient.JoinAsync(server, name, timeout, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>What the cell shows: where the student is, then the conversation.</summary>
    public string ToHtml()
    {
        var where = Local is null
            ? $"<p>Connecté à la classe de l'enseignant ({HtmlText.Encode(Client.Server.ToString())}).</p>"
            : $"<p>Pas d'adresse : classe locale sur la boucle locale ({HtmlText.Encode(Local.Server.EndPoint.ToString())}), "
              + $"avec des camarades simulés. Son tableau de bord : {HtmlText.Encode(Local.Dashboard.Url)}</p>";
        return "<div>" + where + Client.ToHtml() + "</div>";
    }

    /// <summary>Leaves the class, and closes the local class if there is one.</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (Local is not null) await Local.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => Local is null ? Client.ToString() : $"{Client} — {Local}";
}
