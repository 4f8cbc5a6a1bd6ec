namespace NetCourse.Dissection;

/// <summary>One direction of a TLS connection: the start of a record still waiting for its next segments, and the change-cipher-spec frame.</summary>
internal sealed class TlsStream
{
    /// <summary>The largest record TLS allows (2^14 + 2048) plus its header: past that the bytes are not TLS.</summary>
    public const int MaxPending = 16384 + 2048 + 5;

    public TlsStream(TlsSession session) => Session = session;

    public TlsSession Session { get; }

    /// <summary>Bytes of an incomplete record carried over from earlier segments (empty when none).</summary>
    public byte[] Pending { get; set; } = [];

    /// <summary>The frame that carried this direction's Change Cipher Spec (0: none yet).</summary>
    public long ChangeCipherSpecFrame { get; set; }
}
