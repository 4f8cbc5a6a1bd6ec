using System.Buffers.Binary;

namespace NetCourse.Tests.Reliability;

/// <summary>
/// A load-test message: client id, sequence number, random body, and an FNV-1a checksum of all that in the last 4 bytes, so a
/// reply that is lost, reordered, mixed with another client's or altered is recognised.
/// </summary>
internal static class LoadMessage
{
    public const int Overhead = 12;

    public static byte[] Build(int client, int sequence, Random random, int maxBody)
    {
        var message = new byte[Overhead + random.Next(1, maxBody + 1)];
        BinaryPrimitives.WriteInt32LittleEndian(message, client);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(4), sequence);
        random.NextBytes(message.AsSpan(8, message.Length - Overhead));
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(message.Length - 4), Checksum(message.AsSpan(0, message.Length - 4)));
        return message;
    }

    /// <summary>True when <paramref name="reply"/> is a whole message of this client with this sequence and a good checksum.</summary>
    public static bool IsIntact(ReadOnlySpan<byte> reply, int client, int sequence) =>
        reply.Length >= Overhead
        && BinaryPrimitives.ReadInt32LittleEndian(reply) == client
        && BinaryPrimitives.ReadInt32LittleEndian(reply[4..]) == sequence
        && BinaryPrimitives.ReadUInt32LittleEndian(reply[^4..]) == Checksum(reply[..^4]);

    /// <summary>FNV-1a, 32 bits.</summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        var hash = 2166136261u;
        foreach (var b in data) hash = (hash ^ b) * 16777619u;
        return hash;
    }

    /// <summary>The text form for line protocols (chat, HTTP): "c=CLIENT s=SEQ k=CHECKSUMHEX".</summary>
    public static string Text(int client, int sequence)
    {
        var core = $"c={client} s={sequence}";
        return $"{core} k={Checksum(System.Text.Encoding.ASCII.GetBytes(core)):x8}";
    }

    /// <summary>Reads back a text form; null when the checksum does not match.</summary>
    public static (int Client, int Sequence)? ParseText(string text)
    {
        var parts = text.Split(' ');
        if (parts.Length != 3 || !parts[0].StartsWith("c=", StringComparison.Ordinal) || !parts[1].StartsWith("s=", StringComparison.Ordinal)) return null;
        if (Text(int.Parse(parts[0][2..], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1][2..], System.Globalization.CultureInfo.InvariantCulture)) != text) return null;
        return (int.Parse(parts[0][2..], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1][2..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
