namespace NetCourse.Dissection;

/// <summary>Offsets and numbers of the TLS record and handshake layers (RFC 5246, RFC 8446).</summary>
internal static class TlsFields
{
    public const int ContentType = 0;
    public const int Version = 1;
    public const int Length = 3;
    public const int RecordHeaderLength = 5;

    public const int ChangeCipherSpec = 20;
    public const int Alert = 21;
    public const int Handshake = 22;
    public const int ApplicationData = 23;
    public const int Heartbeat = 24;

    public const int HandshakeType = 0;
    public const int HandshakeLength = 1;
    public const int HandshakeHeaderLength = 4;
    public const int ClientHello = 1;
    public const int ServerHello = 2;

    /// <summary>In a hello body: the legacy version, then 32 random bytes, then the session id.</summary>
    public const int HelloVersion = 0;
    public const int HelloSessionIdLength = 34;

    public const int ServerNameExtension = 0;
    public const int SupportedVersionsExtension = 43;
    public const int HostName = 0;

    public const int Tls13 = 0x0304;
}
