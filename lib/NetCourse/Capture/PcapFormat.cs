using System.Buffers.Binary;

namespace NetCourse.Capture;

/// <summary>Reads pcap and pcapng, writes pcap. A truncated file gives the frames before the damage, with a note.</summary>
internal static class PcapFormat
{
    private const uint PcapMagicMicro = 0xA1B2C3D4;
    private const uint PcapMagicNano = 0xA1B23C4D;
    private const uint PcapngSectionHeader = 0x0A0D0D0A;
    private const int MaxFrame = 16 * 1024 * 1024;

    public static void Write(Stream stream, PacketTrace capture)
    {
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, PcapMagicMicro);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], Math.Max(capture.SnapLength, capture.Frames.Count == 0 ? 0 : capture.Frames.Max(f => f.Data.Length)));
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], capture.LinkType);
        stream.Write(header);
        Span<byte> record = stackalloc byte[16];
        foreach (var frame in capture.Frames)
        {
            var seconds = Math.DivRem(frame.UnixNanoseconds, 1_000_000_000L, out var nanos);
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)seconds);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(nanos / 1000));
            BinaryPrimitives.WriteInt32LittleEndian(record[8..], frame.Data.Length);
            BinaryPrimitives.WriteInt32LittleEndian(record[12..], Math.Max(frame.OriginalLength, frame.Data.Length));
            stream.Write(record);
            stream.Write(frame.Data);
        }
        stream.Flush();
    }

    public static PacketTrace Read(Stream stream, string origin)
    {
        var first = new byte[4];
        if (ReadFully(stream, first) < 4)
            throw new InvalidDataException($"{origin} : ce n'est pas une capture (fichier vide ou trop court).");
        var magicLe = BinaryPrimitives.ReadUInt32LittleEndian(first);
        var magicBe = BinaryPrimitives.ReadUInt32BigEndian(first);
        if (magicLe == PcapngSectionHeader)
            return ReadPcapng(stream, first, origin);
        bool bigEndian;
        bool nano;
        if (magicLe is PcapMagicMicro or PcapMagicNano) { bigEndian = false; nano = magicLe == PcapMagicNano; }
        else if (magicBe is PcapMagicMicro or PcapMagicNano) { bigEndian = true; nano = magicBe == PcapMagicNano; }
        else throw new InvalidDataException($"{origin} : ce n'est pas une capture pcap ni pcapng (en-tête {Convert.ToHexString(first)}).");

        var header = new byte[20];
        if (ReadFully(stream, header) < 20)
            throw new InvalidDataException($"{origin} : en-tête pcap tronqué.");
        var snap = (int)U32(header, 12, bigEndian);
        var link = (int)(U32(header, 16, bigEndian) & 0x0FFFFFFF);
        var frames = new List<CapturedFrame>();
        var record = new byte[16];
        string? damage = null;
        while (true)
        {
            var got = ReadFully(stream, record);
            if (got == 0) break;
            if (got < 16) { damage = "en-tête de paquet tronqué"; break; }
            var seconds = U32(record, 0, bigEndian);
            var fraction = U32(record, 4, bigEndian);
            var capLen = U32(record, 8, bigEndian);
            var origLen = U32(record, 12, bigEndian);
            if (capLen > MaxFrame) { damage = $"longueur de paquet impossible ({capLen})"; break; }
            var data = new byte[capLen];
            if (ReadFully(stream, data) < data.Length) { damage = "paquet tronqué"; break; }
            var ns = seconds * 1_000_000_000L + (nano ? fraction : fraction * 1000L);
            frames.Add(new CapturedFrame(ns, (int)Math.Min(origLen, int.MaxValue), data));
        }
        return new PacketTrace(link, frames, Note(origin, damage, frames.Count), snap);
    }

    private static PacketTrace ReadPcapng(Stream stream, byte[] first, string origin)
    {
        var frames = new List<CapturedFrame>();
        var interfaces = new List<(int Link, long UnitsPerSecond)>();
        var bigEndian = false;
        var snap = 262144;
        string? damage = null;
        var typeBytes = first;
        var head = new byte[4];
        while (true)
        {
            if (typeBytes is null)
            {
                var got = ReadFully(stream, head);
                if (got == 0) break;
                if (got < 4) { damage = "bloc tronqué"; break; }
                typeBytes = head;
            }
            var lengthBytes = new byte[4];
            if (ReadFully(stream, lengthBytes) < 4) { damage = "bloc tronqué"; break; }
            var type = BinaryPrimitives.ReadUInt32LittleEndian(typeBytes);
            if (type == PcapngSectionHeader)
            {
                // The byte-order magic follows the length: read it to learn the section's endianness.
                var magic = new byte[4];
                if (ReadFully(stream, magic) < 4) { damage = "en-tête de section tronqué"; break; }
                bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(magic) != 0x1A2B3C4D;
                var sectionLength = U32(lengthBytes, 0, bigEndian);
                if (sectionLength < 28 || sectionLength > MaxFrame) { damage = "en-tête de section invalide"; break; }
                var rest = new byte[sectionLength - 12];
                if (ReadFully(stream, rest) < rest.Length) { damage = "en-tête de section tronqué"; break; }
                interfaces.Clear();
                typeBytes = null;
                continue;
            }
            type = U32(typeBytes, 0, bigEndian);
            var length = U32(lengthBytes, 0, bigEndian);
            if (length < 12 || length > MaxFrame || length % 4 != 0) { damage = $"longueur de bloc impossible ({length})"; break; }
            var body = new byte[length - 8];
            if (ReadFully(stream, body) < body.Length) { damage = "bloc tronqué"; break; }
            typeBytes = null;
            switch (type)
            {
                case 1 when body.Length >= 8: // Interface Description Block
                    {
                        var link = (int)U16(body, 0, bigEndian);
                        snap = (int)U32(body, 4, bigEndian);
                        interfaces.Add((link, TimestampUnits(body, 8, body.Length - 4, bigEndian)));
                        break;
                    }
                case 6 when body.Length >= 24: // Enhanced Packet Block
                    {
                        var id = (int)U32(body, 0, bigEndian);
                        if (id >= interfaces.Count) { damage = $"interface {id} inconnue"; break; }
                        var ts = ((ulong)U32(body, 4, bigEndian) << 32) | U32(body, 8, bigEndian);
                        var capLen = U32(body, 12, bigEndian);
                        var origLen = U32(body, 16, bigEndian);
                        if (20 + capLen > body.Length - 4) { damage = "paquet tronqué"; break; }
                        var units = interfaces[id].UnitsPerSecond;
                        var ns = (long)(ts / (ulong)units) * 1_000_000_000L + (long)((ts % (ulong)units) * 1_000_000_000UL / (ulong)units);
                        frames.Add(new CapturedFrame(ns, (int)Math.Min(origLen, int.MaxValue), body.AsSpan(20, (int)capLen).ToArray()));
                        break;
                    }
                case 3 when body.Length >= 8 && interfaces.Count > 0: // Simple Packet Block
                    {
                        var origLen = U32(body, 0, bigEndian);
                        var capLen = (int)Math.Min(origLen, (uint)(body.Length - 8));
                        frames.Add(new CapturedFrame(0, (int)Math.Min(origLen, int.MaxValue), body.AsSpan(4, capLen).ToArray()));
                        break;
                    }
            }
            if (damage is not null) break;
        }
        var linkType = interfaces.Count > 0 ? interfaces[0].Link : Capture.LinkType.Ethernet;
        if (interfaces.Select(i => i.Link).Distinct().Count() > 1)
            damage ??= "plusieurs types de lien dans un fichier : seul le premier est utilisé";
        return new PacketTrace(linkType, frames, Note(origin, damage, frames.Count), snap);
    }

    /// <summary>The if_tsresol option of an Interface Description Block (default: microseconds).</summary>
    private static long TimestampUnits(byte[] body, int start, int end, bool bigEndian)
    {
        var position = start;
        while (position + 4 <= end)
        {
            var code = U16(body, position, bigEndian);
            var length = U16(body, position + 2, bigEndian);
            if (code == 0) break;
            if (code == 9 && length >= 1 && position + 4 < end)
            {
                var value = body[position + 4];
                var exponent = value & 0x7F;
                if ((value & 0x80) == 0 && exponent <= 18) return (long)Math.Pow(10, exponent);
                if ((value & 0x80) != 0 && exponent <= 62) return 1L << exponent;
            }
            position += 4 + (int)((length + 3) & ~3u);
        }
        return 1_000_000;
    }

    private static string Note(string origin, string? damage, int count) =>
        damage is null ? origin : $"{origin} (endommagé après {count} paquet(s) : {damage})";

    private static uint U32(byte[] b, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(offset));

    private static uint U16(byte[] b, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(offset)) : BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(offset));

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
