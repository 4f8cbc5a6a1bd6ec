using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace NetCourse.Addressing;

/// <summary>
/// A DNS message (RFC 1035), built and read by hand: a 12-byte header (id, flags, four counts), the questions and
/// the answers. Authority and additional records are counted but skipped when reading, and never written.
/// </summary>
/// <param name="Id">The 16-bit identifier that pairs a response with its query.</param>
/// <param name="IsResponse">QR bit: false for a query, true for a response.</param>
/// <param name="Opcode">The kind of query (0 = standard QUERY).</param>
/// <param name="Authoritative">AA bit: the server is responsible for the name.</param>
/// <param name="RecursionDesired">RD bit: the client asks the server to resolve recursively.</param>
/// <param name="RecursionAvailable">RA bit: the server can resolve recursively.</param>
/// <param name="ResponseCode">RCODE (NOERROR, NXDOMAIN …).</param>
/// <param name="Questions">The questions (usually one).</param>
/// <param name="Answers">The answer records.</param>
public sealed record DnsMessage(ushort Id, bool IsResponse, int Opcode, bool Authoritative, bool RecursionDesired,
    bool RecursionAvailable, DnsResponseCode ResponseCode, IReadOnlyList<DnsQuestion> Questions, IReadOnlyList<DnsAnswer> Answers)
{
    /// <summary>The size of the fixed header, in bytes.</summary>
    public const int HeaderLength = 12;

    /// <summary>A standard query for one name and type (recursion desired, as dig and the system resolver do).</summary>
    public static DnsMessage Query(ushort id, string name, DnsRecordType type = DnsRecordType.A) =>
        new(id, false, 0, false, true, false, DnsResponseCode.NoError, [new DnsQuestion(TrimName(name), type)], []);

    /// <summary>A response to <paramref name="query"/> with a response code and answers (same id and questions).</summary>
    public static DnsMessage ResponseTo(DnsMessage query, DnsResponseCode code, IReadOnlyList<DnsAnswer> answers, bool authoritative) =>
        new(query.Id, true, query.Opcode, authoritative, query.RecursionDesired, false, code, query.Questions, answers);

    /// <summary>A header-only error response with the id (and flags) read from the first bytes of a bad query, or null if under 12 bytes.</summary>
    public static byte[]? ErrorHeaderFor(ReadOnlySpan<byte> query, DnsResponseCode code)
    {
        if (query.Length < HeaderLength)
            return null;
        var header = new byte[HeaderLength];
        header[0] = query[0];
        header[1] = query[1];
        header[2] = (byte)(0x80 | (query[2] & 0x79)); // QR=1, keep opcode and RD, clear AA and TC.
        header[3] = (byte)((int)code & 0x0F);
        return header;
    }

    /// <summary>Writes the message in wire format (names uncompressed).</summary>
    public byte[] ToBytes()
    {
        var bytes = new List<byte>(512);
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt16BigEndian(header, Id);
        var flags = (IsResponse ? 0x8000 : 0) | ((Opcode & 0x0F) << 11) | (Authoritative ? 0x0400 : 0)
            | (RecursionDesired ? 0x0100 : 0) | (RecursionAvailable ? 0x0080 : 0) | ((int)ResponseCode & 0x0F);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)Questions.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)Answers.Count);
        bytes.AddRange(header.ToArray());
        foreach (var q in Questions)
        {
            WriteName(bytes, q.Name);
            WriteUInt16(bytes, (ushort)q.Type);
            WriteUInt16(bytes, q.Class);
        }
        foreach (var a in Answers)
        {
            WriteName(bytes, a.Name);
            WriteUInt16(bytes, (ushort)a.Type);
            WriteUInt16(bytes, 1);
            WriteUInt16(bytes, (ushort)(a.TimeToLive >> 16));
            WriteUInt16(bytes, (ushort)(a.TimeToLive & 0xFFFF));
            WriteUInt16(bytes, (ushort)a.Data.Length);
            bytes.AddRange(a.Data);
        }
        return bytes.ToArray();
    }

    /// <summary>Reads a message in wire format (compressed names accepted).</summary>
    /// <exception cref="DnsFormatException">The bytes are not a well-formed DNS message.</exception>
    public static DnsMessage Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength)
            throw new DnsFormatException($"message trop court : {data.Length} octet(s), l'en-tête DNS en fait 12.");
        var id = BinaryPrimitives.ReadUInt16BigEndian(data);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        int qd = BinaryPrimitives.ReadUInt16BigEndian(data[4..]), an = BinaryPrimitives.ReadUInt16BigEndian(data[6..]);
        var offset = HeaderLength;
        var questions = new List<DnsQuestion>();
        for (var i = 0; i < qd; i++)
        {
            var name = ReadName(data, ref offset);
            Need(data, offset, 4, "question");
            questions.Add(new DnsQuestion(name, (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(data[offset..]),
                BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..])));
            offset += 4;
        }
        var answers = new List<DnsAnswer>();
        for (var i = 0; i < an; i++)
        {
            var name = ReadName(data, ref offset);
            Need(data, offset, 10, "réponse");
            var type = (DnsRecordType)BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 4)..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 8)..]);
            offset += 10;
            Need(data, offset, length, "données de la réponse");
            var rdata = data.Slice(offset, length).ToArray();
            offset += length;
            IPAddress? address = (type, length) switch
            {
                (DnsRecordType.A, 4) or (DnsRecordType.AAAA, 16) => new IPAddress(rdata),
                _ => null,
            };
            answers.Add(new DnsAnswer(name, type, ttl, address, rdata));
        }
        return new DnsMessage(id, (flags & 0x8000) != 0, (flags >> 11) & 0x0F, (flags & 0x0400) != 0, (flags & 0x0100) != 0,
            (flags & 0x0080) != 0, (DnsResponseCode)(flags & 0x0F), questions, answers);
    }

    /// <summary>Normalises a name: trimmed, final dot removed, lower case.</summary>
    public static string TrimName(string? name) => (name ?? "").Trim().TrimEnd('.').ToLowerInvariant();

    private static void Need(ReadOnlySpan<byte> data, int offset, int count, string what)
    {
        if (offset + count > data.Length)
            throw new DnsFormatException($"message tronqué dans la {what} (octet {offset}, il en manque {offset + count - data.Length}).");
    }

    private static string ReadName(ReadOnlySpan<byte> data, ref int offset)
    {
        var labels = new List<string>();
        var position = offset;
        var jumped = false;
        var jumps = 0;
        var length = 0;
        while (true)
        {
            Need(data, position, 1, "nom");
            int len = data[position];
            if ((len & 0xC0) == 0xC0)
            {
                Need(data, position, 2, "nom");
                if (++jumps > 20)
                    throw new DnsFormatException("boucle de compression dans un nom.");
                var target = ((len & 0x3F) << 8) | data[position + 1];
                if (!jumped)
                    offset = position + 2;
                jumped = true;
                if (target >= position)
                    throw new DnsFormatException("pointeur de compression vers l'avant.");
                position = target;
                continue;
            }
            if ((len & 0xC0) != 0)
                throw new DnsFormatException($"type d'étiquette inconnu (0x{len:x2}).");
            position++;
            if (len == 0)
                break;
            Need(data, position, len, "nom");
            length += len + 1;
            if (length > 255)
                throw new DnsFormatException("nom de plus de 255 octets.");
            labels.Add(Encoding.ASCII.GetString(data.Slice(position, len)));
            position += len;
        }
        if (!jumped)
            offset = position;
        return string.Join('.', labels).ToLowerInvariant();
    }

    private static void WriteName(List<byte> bytes, string name)
    {
        var trimmed = TrimName(name);
        var total = 1;
        if (trimmed.Length > 0)
        {
            foreach (var label in trimmed.Split('.'))
            {
                if (label.Length is 0 or > 63)
                    throw new DnsFormatException($"étiquette invalide dans « {name} » : chaque partie entre deux points fait de 1 à 63 caractères.");
                if (label.Any(c => c > 127 || char.IsWhiteSpace(c)))
                    throw new DnsFormatException($"caractère non permis dans « {name} » : lettres, chiffres et tirets ASCII seulement.");
                total += label.Length + 1;
                if (total > 255)
                    throw new DnsFormatException($"« {name} » est trop long (255 octets au plus).");
                bytes.Add((byte)label.Length);
                bytes.AddRange(Encoding.ASCII.GetBytes(label));
            }
        }
        bytes.Add(0);
    }

    private static void WriteUInt16(List<byte> bytes, ushort value)
    {
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }
}
