namespace NetCourse.Dissection;

/// <summary>What Wireshark's SslSession keeps for one TLS connection (without keys: nothing is decrypted).</summary>
internal sealed class TlsSession
{
    /// <summary>The negotiated version (0x0303, 0x0304 …), 0 until a server message sets it.</summary>
    public int Version { get; set; }
}
