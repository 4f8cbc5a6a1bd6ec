using System.Globalization;

using System.Text;

namespace NetCourse.Dissection;

/// <summary>Decodes a DNS message (header, questions, answers) into Wireshark's dns.* fields.</summary>
internal static class DnsDecoder
{
    public static void Dissect(FrameCursor c, ColumnView view, int offset, int end, bool multicast, int tcpLength = -1)
    {
        var layer = c.Begin(LayerKind.Application, multicast ? "mdns" : "dns", multicast ? "Multicast Domain Name System" : "Domain Name System", tcpLength >= 0 ? tcpLength : offset);
        view.Protocol = multicast ? "MDNS" : "DNS";
        layer.Length = Math.Max(0, Math.Min(end, c.CapturedEnd) - layer.Offset);
        if (tcpLength >= 0)
            c.AddInt("dns.length", c.U16(tcpLength), tcpLength, 2);
        if (!c.Need(offset, 12))
            return;
        int id = c.U16(offset), flags = c.U16(offset + 2);
        var response = (flags & 0x8000) != 0;
        var opcode = (flags >> 11) & 0xf;
        c.AddHex("dns.id", id, 4, offset, 2);
        c.AddHex("dns.flags", flags, 4, offset + 2, 2);
        c.AddBool("dns.flags.response", response, offset + 2, 1);
        c.AddInt("dns.flags.opcode", opcode, offset + 2, 1);
        if (response)
            c.AddInt("dns.flags.rcode", flags & 0xf, offset + 3, 1);
        int questions = c.U16(offset + 4), answers = c.U16(offset + 6), authority = c.U16(offset + 8), additional = c.U16(offset + 10);
        c.AddInt("dns.count.queries", questions, offset + 4, 2);
        c.AddInt("dns.count.answers", answers, offset + 6, 2);
        c.AddInt("dns.count.auth_rr", authority, offset + 8, 2);
        c.AddInt("dns.count.add_rr", additional, offset + 10, 2);
        var info = new StringBuilder();
        info.Append(opcode == 0 ? "Standard query" : string.Create(CultureInfo.InvariantCulture, $"Opcode {opcode}"));
        if (response)
            info.Append(" response");
        info.Append(CultureInfo.InvariantCulture, $" 0x{id:x4}");
        if (response && (flags & 0xf) != 0)
            info.Append((flags & 0xf) switch { 1 => " Format error", 2 => " Server failure", 3 => " No such name", 5 => " Refused", _ => " Error" });
        view.Info = info.ToString();
        var p = offset + 12;
        for (var i = 0; i < Math.Min(questions, 64); i++)
        {
            var start = p;
            if (!ReadName(c, offset, ref p, out var name))
                return;
            if (!c.Need(p, 4))
                return;
            int type = c.U16(p), klass = c.U16(p + 2);
            c.AddText("dns.qry.name", name, start, p - start);
            c.AddInt("dns.qry.type", type, p, 2);
            c.AddHex("dns.qry.class", klass, 4, p + 2, 2);
            p += 4;
            info.Append(' ').Append(TypeName(type)).Append(' ').Append(name);
        }
        for (var i = 0; i < Math.Min(answers + authority + additional, 256); i++)
        {
            var start = p;
            if (!ReadName(c, offset, ref p, out var name))
                break;
            if (!c.Need(p, 10))
                break;
            int type = c.U16(p), rdlength = c.U16(p + 8);
            var data = p + 10;
            if (!c.Need(data, rdlength))
                break;
            c.AddText("dns.resp.name", name, start, p - start);
            c.AddInt("dns.resp.type", type, p, 2);
            c.AddInt("dns.resp.ttl", c.U32(p + 4), p + 4, 4);
            c.AddInt("dns.resp.len", rdlength, p + 8, 2);
            string? value = null;
            if (type == 1 && rdlength == 4)
            {
                var v = c.IPv4(data);
                c.Add("dns.a", v, data, 4);
                value = v.Display;
            }
            else if (type == 28 && rdlength == 16)
            {
                var v = c.IPv6(data);
                c.Add("dns.aaaa", v, data, 16);
                value = v.Display;
            }
            else if (type == 5)
            {
                var q = data;
                if (ReadName(c, offset, ref q, out var cname))
                {
                    c.AddText("dns.cname", cname, data, rdlength);
                    value = cname;
                }
            }
            else if (type == 2)
            {
                // The Info column names the server after « NS » (teardrop.pcap's authority records), as tshark does.
                var q = data;
                if (ReadName(c, offset, ref q, out var server))
                {
                    c.AddText("dns.ns", server, data, rdlength);
                    value = server;
                }
            }
            info.Append(' ').Append(TypeName(type)).Append(value is null ? "" : " " + value);
            p = data + rdlength;
        }
        view.Info = info.ToString();
    }

    private static string TypeName(int type) => type switch
    {
        1 => "A",
        2 => "NS",
        5 => "CNAME",
        6 => "SOA",
        12 => "PTR",
        15 => "MX",
        16 => "TXT",
        28 => "AAAA",
        33 => "SRV",
        41 => "OPT",
        65 => "HTTPS",
        255 => "ANY",
        _ => string.Create(CultureInfo.InvariantCulture, $"Unknown ({type})"),
    };

    /// <summary>Reads a (possibly compressed) domain name; false when it runs past the data or loops.</summary>
    private static bool ReadName(FrameCursor c, int message, ref int p, out string name)
    {
        var sb = new StringBuilder();
        var q = p;
        var jumped = false;
        for (var hops = 0; hops < 128; hops++)
        {
            if (!c.Need(q, 1))
            {
                name = "";
                return false;
            }
            int length = c.U8(q);
            if (length == 0)
            {
                if (!jumped)
                    p = q + 1;
                name = sb.Length == 0 ? "<Root>" : sb.ToString();
                return true;
            }
            if ((length & 0xc0) == 0xc0)
            {
                if (!c.Need(q, 2))
                {
                    name = "";
                    return false;
                }
                var target = message + ((length & 0x3f) << 8 | c.U8(q + 1));
                if (!jumped)
                    p = q + 2;
                jumped = true;
                q = target;
                continue;
            }
            if (!c.Need(q + 1, length))
            {
                name = "";
                return false;
            }
            if (sb.Length > 0)
                sb.Append('.');
            for (var i = 0; i < length; i++)
            {
                var b = c.U8(q + 1 + i);
                if (b is >= 0x21 and < 0x7f)
                    sb.Append((char)b);
                else
                    sb.Append(CultureInfo.InvariantCulture, $"\\{b:000}");
            }
            q += 1 + length;
        }
        name = "";
        c.MarkMalformed();
        return false;
    }

}
