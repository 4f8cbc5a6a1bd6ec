using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>ICMPv6: echo, neighbour discovery and errors (which quote an IPv6 packet).</summary>
internal static class Icmpv6Dissector
{
    private const int EchoRequest = 128;
    private const int EchoReply = 129;

    public static void Dissect(FrameCursor c, ColumnView view, int offset, bool inner)
    {
        var layer = c.Begin(LayerKind.Network, "icmpv6", "Internet Control Message Protocol v6", offset);
        if (!inner)
            view.Protocol = "ICMPv6";
        if (!c.Need(offset, 2))
            return;
        int type = c.U8(offset + IcmpFields.Type), code = c.U8(offset + IcmpFields.Code);
        c.AddInt("icmpv6.type", type, offset + IcmpFields.Type, 1);
        c.AddInt("icmpv6.code", code, offset + IcmpFields.Code, 1);
        layer.Length = Math.Min(IcmpFields.HeaderLength, c.CapturedEnd - offset);
        if (!c.Need(offset + IcmpFields.Checksum, 2))
            return;
        c.AddHex("icmpv6.checksum", c.U16(offset + IcmpFields.Checksum), 4, offset + IcmpFields.Checksum, 2);
        if (inner)
            return;
        view.Info = Text(type);
        int id = offset + IcmpFields.Identifier, seq = offset + IcmpFields.Sequence;
        if (type is EchoRequest or EchoReply && c.Need(id, 4))
        {
            c.AddHex("icmpv6.echo.identifier", c.U16(id), 4, id, 2);
            c.AddInt("icmpv6.echo.sequence_number", c.U16(seq), seq, 2);
            int identifier = c.U16(id), sequence = c.U16(seq);
            view.Info += string.Create(CultureInfo.InvariantCulture, $" id=0x{identifier:x4}, seq={sequence}, hop limit={HopLimit(c)}");
            // Paired as ICMP's echoes are; the identifier is offset so an ICMPv6 echo never matches an ICMP one.
            var requests = c.Capture.EchoRequests;
            if (type == EchoRequest)
                requests.Remember((c.NetSource, c.NetDestination, identifier | 0x10000, sequence), c.Number);
            else if (requests.TryFind((c.NetDestination, c.NetSource, identifier | 0x10000, sequence), out var request))
                view.Info += string.Create(CultureInfo.InvariantCulture, $" (request in {request})");
            if (offset + IcmpFields.HeaderLength < c.CapturedEnd)
                c.Begin(LayerKind.Application, "data", "Data", offset + IcmpFields.HeaderLength).Length = c.CapturedEnd - offset - IcmpFields.HeaderLength;
        }
        else if (type is 1 or 2 or 3 or 4 && c.Need(id, 4) && offset + IcmpFields.HeaderLength < c.CapturedEnd)
        {
            var saved = c.InErrorPacket;
            c.InErrorPacket = true;
            Ipv6Dissector.Dissect(c, view, offset + IcmpFields.HeaderLength, inner: true);
            c.InErrorPacket = saved;
        }
    }

    private static string Text(int type) => type switch
    {
        EchoRequest => "Echo (ping) request",
        EchoReply => "Echo (ping) reply",
        1 => "Destination Unreachable",
        2 => "Packet Too Big",
        3 => "Time Exceeded",
        4 => "Parameter Problem",
        133 => "Router Solicitation",
        134 => "Router Advertisement",
        135 => "Neighbor Solicitation",
        136 => "Neighbor Advertisement",
        143 => "Multicast Listener Report Message v2",
        _ => string.Create(CultureInfo.InvariantCulture, $"ICMPv6 type {type}"),
    };

    private static int HopLimit(FrameCursor c)
    {
        for (var i = c.Layers.Count - 1; i >= 0; i--)
        {
            if (c.Layers[i].Protocol == "ipv6")
            {
                var at = c.Layers[i].Offset + Ipv6Fields.HopLimit;
                return at < c.Data.Length ? c.Data[at] : 0;
            }
        }
        return 0;
    }
}
