using System.Net.Sockets;

namespace NetCourse.TestSupport;

/// <summary>Reads the tests need on stream sockets, where one receive may return fewer bytes than were sent.</summary>
public static class SocketReads
{
    /// <summary>Receives exactly <paramref name="count"/> bytes; throws <see cref="IOException"/> if the peer closes first.</summary>
    public static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new byte[count];
        for (var got = 0; got < count;)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(got), SocketFlags.None, token).ConfigureAwait(false);
            if (n == 0)
                throw new IOException($"fermé après {got} octets sur {count}");
            got += n;
        }
        return buffer;
    }
}
