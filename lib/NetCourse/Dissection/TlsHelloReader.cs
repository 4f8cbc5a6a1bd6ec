using System.Text;

namespace NetCourse.Dissection;

/// <summary>The parts of a Client or Server Hello tshark prints here: the legacy version, the SNI, the supported versions (the server's sets TLS 1.3).</summary>
internal sealed class TlsHelloReader(FrameCursor c, TlsSession session, bool server)
{
    private const int RandomEnd = 34;

    /// <param name="body">The hello's body (after the 4-byte handshake header).</param>
    /// <param name="offset">Where the body starts in the frame, or -1.</param>
    public void Read(ReadOnlySpan<byte> body, int offset)
    {
        if (body.Length < 2)
            return;
        var legacy = TlsRecordReader.Read16(body, TlsFields.HelloVersion);
        c.AddHex("tls.handshake.version", legacy, 4, offset, 2);
        if (server && session.Version is 0 or (>= 0x0300 and <= 0x0303))
            session.Version = legacy;
        var p = RandomEnd;
        if (!Skip(body, ref p, 1))
            return;
        if (server)
        {
            p += 3; // cipher suite, compression method
        }
        else if (!Skip(body, ref p, 2) || !Skip(body, ref p, 1))
        {
            return;
        }
        if (p + 2 > body.Length)
            return;
        var end = Math.Min(body.Length, p + 2 + TlsRecordReader.Read16(body, p));
        p += 2;
        while (p + 4 <= end)
        {
            var type = TlsRecordReader.Read16(body, p);
            var length = TlsRecordReader.Read16(body, p + 2);
            var data = p + 4;
            if (data + length > end)
                return;
            var extension = body.Slice(data, length);
            if (type == TlsFields.ServerNameExtension && !server)
                ReadServerName(extension, TlsRecordReader.At(offset, data));
            else if (type == TlsFields.SupportedVersionsExtension)
                ReadSupportedVersions(extension, TlsRecordReader.At(offset, data));
            p = data + length;
        }
    }

    /// <summary>Skips a vector whose length takes <paramref name="lengthBytes"/> bytes at <paramref name="p"/>.</summary>
    private static bool Skip(ReadOnlySpan<byte> body, ref int p, int lengthBytes)
    {
        if (p + lengthBytes > body.Length)
            return false;
        var length = lengthBytes == 1 ? body[p] : TlsRecordReader.Read16(body, p);
        p += lengthBytes + length;
        return p <= body.Length;
    }

    private void ReadServerName(ReadOnlySpan<byte> extension, int offset)
    {
        if (extension.Length < 2)
            return;
        var end = Math.Min(extension.Length, 2 + TlsRecordReader.Read16(extension, 0));
        var p = 2;
        while (p + 3 <= end)
        {
            var length = TlsRecordReader.Read16(extension, p + 1);
            if (p + 3 + length > end)
                return;
            if (extension[p] == TlsFields.HostName)
                c.AddText("tls.handshake.extensions_server_name", Encoding.ASCII.GetString(extension.Slice(p + 3, length)), TlsRecordReader.At(offset, p + 3), length);
            p += 3 + length;
        }
    }

    private void ReadSupportedVersions(ReadOnlySpan<byte> extension, int offset)
    {
        if (server)
        {
            if (extension.Length < 2)
                return;
            var selected = TlsRecordReader.Read16(extension, 0);
            c.AddHex("tls.handshake.extensions.supported_version", selected, 4, offset, 2);
            session.Version = selected;
            return;
        }
        if (extension.Length < 1)
            return;
        var end = Math.Min(extension.Length, 1 + extension[0]);
        for (var p = 1; p + 2 <= end; p += 2)
            c.AddHex("tls.handshake.extensions.supported_version", TlsRecordReader.Read16(extension, p), 4, TlsRecordReader.At(offset, p), 2);
    }
}
