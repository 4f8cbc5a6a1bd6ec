using System.Text;

namespace NetCourse.Dissection;

/// <summary>
/// Cisco Discovery Protocol, as far as the packet list shows it: packet-cdp.c clears the Info column, then walks the
/// TLVs and appends « Device ID: X  » and « Port ID: Y  » (two spaces after each) for those two TLVs. The other TLVs
/// are skipped by their length; a length under 4 ends the walk, as there.
/// </summary>
internal static class CdpDissector
{
    private const int HeaderLength = 4; // version, TTL, checksum
    private const int TlvHeaderLength = 4; // type, length (the length counts these 4 bytes)
    private const int DeviceId = 0x0001;
    private const int PortId = 0x0003;

    public static void Dissect(FrameCursor c, ColumnView view, int offset)
    {
        var layer = c.Begin(LayerKind.Link, "cdp", "Cisco Discovery Protocol", offset);
        view.Protocol = "CDP";
        view.Info = "";
        var info = new StringBuilder();
        var at = offset + HeaderLength;
        while (at < c.ReportedEnd && c.Need(at, TlvHeaderLength))
        {
            int type = c.U16(at), length = c.U16(at + 2);
            if (length < TlvHeaderLength)
                break;
            var advance = length;
            if (type == PortId && c.ReportedEnd - at >= length + 3 && c.Need(at + length, 1) && c.U8(at + length) != 0)
                advance = length + 3; // packet-cdp.c: a Port ID TLV whose length is 3 short ("what makes one capture work")
            if (type is DeviceId or PortId)
            {
                if (!c.Need(at + TlvHeaderLength, length - TlvHeaderLength))
                    break;
                info.Append(type == DeviceId ? "Device ID: " : "Port ID: ")
                    .Append(StringZPad(c.Data.AsSpan(at + TlvHeaderLength, length - TlvHeaderLength))).Append("  ");
            }
            at += advance;
        }
        layer.Length = Math.Max(0, Math.Min(at, c.CapturedEnd) - offset);
        view.Info = info.ToString();
    }

    /// <summary>tvb_format_stringzpad: the text up to the first NUL; printable ASCII as is, anything else escaped.</summary>
    private static string StringZPad(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        var text = new StringBuilder();
        foreach (var b in end < 0 ? bytes : bytes[..end])
        {
            if (b == '\\')
                text.Append(@"\\");
            else if (b is >= 0x20 and < 0x7f)
                text.Append((char)b);
            else
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{b:x2}");
        }
        return text.ToString();
    }
}
