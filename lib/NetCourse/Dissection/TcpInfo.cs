using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NetCourse.Dissection;

/// <summary>What Wireshark's Info column shows for a TCP segment, kept as numbers and rendered only when asked.</summary>
internal sealed class TcpInfo
{
    public string Prefix = "";
    public int Source;
    public int Destination;
    public int Flags;
    public long Sequence;
    public long Acknowledgment;
    public long Window;
    public int Length;
    public int OptionsStart;
    public int OptionsEnd;
    public uint SackBase;

    public string Build(byte[] data)
    {
        var info = new StringBuilder(96);
        info.Append(Prefix);
        info.Append(CultureInfo.InvariantCulture, $"{Source} → {Destination} [{FlagNames(Flags)}] Seq={Sequence}");
        if ((Flags & 0x10) != 0)
            info.Append(CultureInfo.InvariantCulture, $" Ack={Acknowledgment}");
        info.Append(CultureInfo.InvariantCulture, $" Win={Window} Len={Length}");
        AppendOptions(info, data, OptionsStart, Math.Min(OptionsEnd, data.Length), SackBase);
        return info.ToString();
    }

    private static void AppendOptions(StringBuilder text, byte[] data, int start, int end, uint sackBase)
    {
        foreach (var (kind, p, length) in new TcpOptionWalker(data, start, end))
        {
            switch (kind)
            {
                case 2 when length == 4:
                    text.Append(CultureInfo.InvariantCulture, $" MSS={BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(p + 2))}");
                    break;
                case 3 when length == 3:
                    text.Append(CultureInfo.InvariantCulture, $" WS={1 << Math.Min(14, (int)data[p + 2])}");
                    break;
                case 4:
                    text.Append(" SACK_PERM");
                    break;
                case 5 when length >= 10:
                    for (var q = p + 2; q + 8 <= p + length; q += 8)
                        text.Append(CultureInfo.InvariantCulture, $" SLE={BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(q)) - sackBase} SRE={BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(q + 4)) - sackBase}");
                    break;
                case 8 when length == 10:
                    text.Append(CultureInfo.InvariantCulture, $" TSval={BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(p + 2))} TSecr={BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(p + 6))}");
                    break;
            }
        }
    }

    private static string FlagNames(int flags)
    {
        var names = new List<string>(4);
        if ((flags & 0x02) != 0) names.Add("SYN");
        if ((flags & 0x01) != 0) names.Add("FIN");
        if ((flags & 0x04) != 0) names.Add("RST");
        if ((flags & 0x08) != 0) names.Add("PSH");
        if ((flags & 0x10) != 0) names.Add("ACK");
        if ((flags & 0x20) != 0) names.Add("URG");
        if ((flags & 0x40) != 0) names.Add("ECE");
        if ((flags & 0x80) != 0) names.Add("CWR");
        if ((flags & 0x100) != 0) names.Add("NS");
        return names.Count == 0 ? "<None>" : string.Join(", ", names);
    }
}
