using System.Globalization;
using System.Text;

namespace NetCourse.Dissection;

/// <summary>
/// Dissects frames into <see cref="DissectedPacket"/>s with Wireshark's field names and values. It keeps the
/// state Wireshark keeps across a capture (first timestamp, TCP streams, relative sequence numbers, TCP analysis,
/// HTTP messages split over several segments), so frames must be given in capture order. A truncated or malformed
/// frame is dissected as far as it goes and marked <see cref="DissectedPacket.IsMalformed"/>; it never throws.
/// Read a whole file with <see cref="NetCourse.Capture.CaptureFileReader.Read(string)"/>.
/// </summary>
public sealed class PacketDissector
{
    private readonly TcpTracker _tcp = new();
    private readonly HashSet<string>? _wanted;
    private readonly List<PacketField> _fields = new(80);
    private readonly Dictionary<(UInt128, UInt128, int, int), long> _echoRequests = [];

    /// <summary>A dissector that keeps every field.</summary>
    public PacketDissector()
    {
    }

    /// <summary>
    /// A dissector that keeps only <paramref name="fields"/> (Wireshark names; null keeps every field). Layers,
    /// protocols, columns and TCP state are the same; unwanted fields are simply not stored, which makes
    /// dissection much cheaper when only a few fields are printed or filtered on.
    /// </summary>
    public PacketDissector(IEnumerable<string>? fields)
    {
        if (fields is null)
            return;
        FieldNames.InternAll();
        _wanted = new HashSet<string>(ReferenceEqualityComparer.Instance as IEqualityComparer<string>);
        foreach (var field in fields)
        {
            if (string.IsInterned(field) is { } name)
                _wanted.Add(name);
        }
    }
    private decimal? _firstTime;
    private long _number;

    /// <summary>The number of frames dissected so far.</summary>
    public long Count => _number;

    /// <summary>Dissects the next frame of the capture.</summary>
    /// <param name="frame">The captured bytes (kept by the packet, not copied).</param>
    /// <param name="linkType">The capture's libpcap link type (1 Ethernet, 113 Linux cooked, 276 Linux cooked v2, 0 null, 108 loop, 101/12/228/229 raw IP, 9/50 PPP).</param>
    /// <param name="timestamp">Seconds since the Unix epoch, with the capture's precision.</param>
    /// <param name="originalLength">The frame's length on the wire (at least the captured length).</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public DissectedPacket Dissect(byte[] frame, int linkType, decimal timestamp, int originalLength)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _number++;
        _firstTime ??= timestamp;
        var relative = timestamp - _firstTime.Value;
        _fields.Clear();
        var cursor = new FrameCursor(frame, originalLength) { Time = timestamp, Number = _number, Wanted = _wanted, Fields = _fields };
        var view = new ColumnView();
        var frameLayer = cursor.Begin(LayerKind.Frame, "frame", "Frame", 0);
        frameLayer.TitleBuilder = static l => $"Frame {l.Text("frame.number")}: {l.Text("frame.len")} bytes on wire, {l.Text("frame.cap_len")} bytes captured";
        frameLayer.Length = frame.Length;
        cursor.AddInt("frame.number", _number, -1, 0);
        if (cursor.Wants("frame.time_relative"))
            cursor.Add("frame.time_relative", FieldValue.FromSeconds(relative), -1, 0);
        if (cursor.Wants("frame.time_epoch"))
            cursor.Add("frame.time_epoch", FieldValue.FromSeconds(timestamp), -1, 0);
        cursor.AddInt("frame.len", Math.Max(originalLength, frame.Length), -1, 0);
        cursor.AddInt("frame.cap_len", frame.Length, -1, 0);
        var protocolsIndex = -1;
        if (cursor.Wants("frame.protocols"))
        {
            protocolsIndex = _fields.Count;
            cursor.AddText("frame.protocols", "", -1, 0);
        }
        try
        {
            DissectLink(cursor, view, linkType);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException or OverflowException)
        {
            // A bounds slip in a decoder must never escape: the packet is malformed from there on.
            cursor.MarkMalformed();
        }
        if (protocolsIndex >= 0)
        {
            var names = new List<string>(cursor.Layers.Count);
            for (var i = 1; i < cursor.Layers.Count; i++)
            {
                var protocol = cursor.Layers[i].Protocol;
                if (protocol == "_ws.malformed")
                    continue;
                var ethertype = protocol == "eth" && (i + 1 >= cursor.Layers.Count || cursor.Layers[i + 1].Protocol != "llc");
                names.Add(ethertype ? "eth:ethertype" : protocol);
            }
            var protocols = string.Join(':', names);
            _fields[protocolsIndex] = new PacketField("frame.protocols", FieldValue.FromText(protocols), -1, 0);
        }
        if (cursor.Malformed)
        {
            cursor.Begin(LayerKind.Application, "_ws.malformed", $"[Malformed Packet: {cursor.MalformedProtocol}]", cursor.CapturedEnd);
            cursor.AddText("_ws.malformed", $"[Malformed Packet: {cursor.MalformedProtocol}]", -1, 0);
            view.Append(view.Tcp is not null || view.Info.Length > 0 ? " [Malformed Packet]" : "[Malformed Packet]");
        }
        else if (cursor.Short && view.Tcp is null && view.Info.Length == 0)
        {
            view.Info = "[Packet size limited during capture]";
        }
        cursor.Close();
        var store = _fields.ToArray();
        foreach (var layer in cursor.Layers)
            layer.Attach(store);
        var timestampUtc = DateTime.UnixEpoch.AddTicks((long)(timestamp * TimeSpan.TicksPerSecond));
        return new DissectedPacket(_number, relative, timestampUtc, Math.Max(originalLength, frame.Length), frame, linkType, cursor.Layers)
        {
            ProtocolMask = cursor.ProtocolMask | 1UL,
            SourceOffset = view.SourceOffset,
            SourceLength = view.SourceLength,
            DestinationOffset = view.DestinationOffset,
            DestinationLength = view.DestinationLength,
            Protocol = view.Protocol,
            EagerInfo = view.Info,
            PendingTcpInfo = view.Tcp,
            InfoSuffix = view.Suffix,
            IsMalformed = cursor.Malformed,
        };
    }

    /// <summary>Dissects the next frame, with its time as a UTC date.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public DissectedPacket Dissect(byte[] frame, int linkType, DateTime timestampUtc, int originalLength) =>
        Dissect(frame, linkType, (decimal)(timestampUtc.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond, originalLength);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectLink(FrameCursor c, ColumnView view, int linkType)
    {
        switch (linkType)
        {
            case 1:
                DissectEthernet(c, view, 0);
                break;
            case 113:
                DissectSll(c, view);
                break;
            case 276:
                DissectSll2(c, view);
                break;
            case 0:
            case 108:
                DissectNull(c, view, linkType == 108);
                break;
            case 101:
            case 12:
            case 14:
            case 228:
            case 229:
                c.Begin(LayerKind.Link, "raw", "Raw packet data", 0).Length = 0;
                view.Protocol = "Raw";
                if (c.Need(0, 1))
                    DissectIpByVersion(c, view, 0);
                break;
            case 9:
            case 50:
                DissectPpp(c, view);
                break;
            default:
                c.Begin(LayerKind.Link, "data", $"Type de lien {linkType} non décodé", 0);
                view.Protocol = "Data";
                view.Info = string.Create(CultureInfo.InvariantCulture, $"Type de lien {linkType} non décodé");
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectEthernet(FrameCursor c, ColumnView view, int offset)
    {
        var layer = c.Begin(LayerKind.Link, "eth", "Ethernet II", offset);
        view.Protocol = "Ethernet";
        if (!c.Need(offset, 6))
            return;
        c.AddAddress("eth.dst", "eth.addr", offset, 6);
        if (!c.Need(offset + 6, 6))
            return;
        c.AddAddress("eth.src", "eth.addr", offset + 6, 6);
        view.SetSource(offset + 6, 6);
        view.SetDestination(offset, 6);
        layer.TitleBuilder = static l => $"Ethernet II, Src: {l.Text("eth.src")}, Dst: {l.Text("eth.dst")}";
        if (!c.Need(offset + 12, 2))
            return;
        var type = c.U16(offset + 12);
        layer.Length = 14;
        if (type < 0x0600)
        {
            c.AddInt("eth.len", type, offset + 12, 2);
            layer.TitleBuilder = static l => $"IEEE 802.3 Ethernet, Src: {l.Text("eth.src")}, Dst: {l.Text("eth.dst")}";
            var llc = c.Begin(LayerKind.Link, "llc", "Logical-Link Control", offset + 14);
            view.Protocol = "LLC";
            view.Info = "Trame IEEE 802.3 / LLC (non décodée)";
            if (c.Need(offset + 14, 3))
            {
                llc.Length = 3;
                c.AddHex("llc.dsap", c.U8(offset + 14), 2, offset + 14, 1);
                c.AddHex("llc.ssap", c.U8(offset + 15), 2, offset + 15, 1);
                if (c.U8(offset + 14) == 0xaa && c.Need(offset + 17, 5))
                {
                    llc.Length = 8;
                    var oui = (c.U16(offset + 17) << 8) | c.U8(offset + 19);
                    var pid = c.U16(offset + 20);
                    c.AddHex("llc.oui", oui, 6, offset + 17, 3);
                    c.AddHex("llc.pid", pid, 4, offset + 20, 2);
                    if (oui == 0x00000c && pid == 0x2000)
                    {
                        c.Begin(LayerKind.Link, "cdp", "Cisco Discovery Protocol", offset + 22);
                        view.Protocol = "CDP";
                        view.Info = "Cisco Discovery Protocol";
                    }
                }
                else if (c.U8(offset + 14) == 0x42)
                {
                    c.Begin(LayerKind.Link, "stp", "Spanning Tree Protocol", offset + 17);
                    view.Protocol = "STP";
                    view.Info = "Spanning Tree";
                }
            }
            return;
        }
        c.AddHex("eth.type", type, 4, offset + 12, 2);
        DissectEtherType(c, view, type, offset + 14);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectEtherType(FrameCursor c, ColumnView view, int type, int offset)
    {
        switch (type)
        {
            case 0x0800:
                DissectIPv4(c, view, offset);
                break;
            case 0x86DD:
                DissectIPv6(c, view, offset);
                break;
            case 0x0806:
                DissectArp(c, view, offset);
                break;
            case 0x8100:
                if (!c.Need(offset, 4))
                    return;
                c.Begin(LayerKind.Link, "vlan", "802.1Q Virtual LAN", offset).Length = 4;
                c.AddInt("vlan.id", c.U16(offset) & 0x0fff, offset, 2);
                c.AddHex("vlan.etype", c.U16(offset + 2), 4, offset + 2, 2);
                DissectEtherType(c, view, c.U16(offset + 2), offset + 4);
                break;
            case 0x8847:
                DissectMpls(c, view, offset);
                break;
            case 0x9000:
                c.Begin(LayerKind.Link, "loop", "Configuration Test Protocol (loopback)", offset);
                view.Protocol = "LOOP";
                view.Info = "Reply";
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", offset).Length = Math.Max(0, c.CapturedEnd - offset);
                view.Protocol = string.Create(CultureInfo.InvariantCulture, $"0x{type:x4}");
                view.Info = "Ethernet II";
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectSll(FrameCursor c, ColumnView view)
    {
        var layer = c.Begin(LayerKind.Link, "sll", "Linux cooked capture v1", 0);
        view.Protocol = "SLL";
        if (!c.Need(0, 16))
            return;
        layer.Length = 16;
        c.AddInt("sll.pkttype", c.U16(0), 0, 2);
        var hatype = c.U16(2);
        c.AddInt("sll.hatype", hatype, 2, 2);
        var halen = c.U16(4);
        c.AddInt("sll.halen", halen, 4, 2);
        if (hatype is 1 or 772 && halen == 6)
        {
            c.AddAddress("sll.src.eth", null, 6, 6);
            view.SetSource(6, 6);
        }
        var protocol = c.U16(14);
        c.AddHex("sll.etype", protocol, 4, 14, 2);
        DissectEtherType(c, view, protocol, 16);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectSll2(FrameCursor c, ColumnView view)
    {
        var layer = c.Begin(LayerKind.Link, "sll", "Linux cooked capture v2", 0);
        view.Protocol = "SLL";
        if (!c.Need(0, 20))
            return;
        layer.Length = 20;
        var protocol = c.U16(0);
        c.AddHex("sll.etype", protocol, 4, 0, 2);
        c.AddInt("sll.ifindex", c.U32(4), 4, 4);
        c.AddInt("sll.hatype", c.U16(8), 8, 2);
        c.AddInt("sll.pkttype", c.U8(10), 10, 1);
        c.AddInt("sll.halen", c.U8(11), 11, 1);
        if (c.U8(11) == 6)
        {
            c.AddAddress("sll.src.eth", null, 12, 6);
            view.SetSource(12, 6);
        }
        DissectEtherType(c, view, protocol, 20);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectNull(FrameCursor c, ColumnView view, bool networkOrder)
    {
        var layer = c.Begin(LayerKind.Link, "null", "Null/Loopback", 0);
        view.Protocol = "NULL";
        if (!c.Need(0, 4))
            return;
        layer.Length = 4;
        var raw = c.U32(0);
        var family = networkOrder ? raw : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(raw);
        if (!networkOrder && family > 0xffff)
            family = raw; // a big-endian capture
        c.AddInt("null.family", family, 0, 4);
        switch (family)
        {
            case 2:
                DissectIPv4(c, view, 4);
                break;
            case 10 or 24 or 28 or 30:
                DissectIPv6(c, view, 4);
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", 4);
                view.Info = "Null/Loopback";
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectPpp(FrameCursor c, ColumnView view)
    {
        var layer = c.Begin(LayerKind.Link, "ppp", "Point-to-Point Protocol", 0);
        view.Protocol = "PPP";
        var offset = 0;
        if (!c.Need(0, 2))
            return;
        if (c.U8(0) == 0xff && c.U8(1) == 0x03)
        {
            c.AddHex("ppp.address", 0xff, 2, 0, 1);
            c.AddHex("ppp.control", 0x03, 2, 1, 1);
            offset = 2;
        }
        int protocol;
        if (!c.Need(offset, 1))
            return;
        if ((c.U8(offset) & 1) == 1)
        {
            protocol = c.U8(offset);
            c.AddHex("ppp.protocol", protocol, 4, offset, 1);
            offset += 1;
        }
        else
        {
            if (!c.Need(offset, 2))
                return;
            protocol = c.U16(offset);
            c.AddHex("ppp.protocol", protocol, 4, offset, 2);
            offset += 2;
        }
        layer.Length = offset;
        switch (protocol)
        {
            case 0x0021:
                DissectIPv4(c, view, offset);
                break;
            case 0x0057:
                DissectIPv6(c, view, offset);
                break;
            case 0x0281:
                DissectMpls(c, view, offset);
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", offset);
                view.Info = string.Create(CultureInfo.InvariantCulture, $"PPP protocole 0x{protocol:x4}");
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectMpls(FrameCursor c, ColumnView view, int offset)
    {
        c.Begin(LayerKind.Link, "mpls", "MultiProtocol Label Switching Header", offset);
        view.Protocol = "MPLS";
        for (var i = 0; i < 16; i++)
        {
            if (!c.Need(offset, 4))
                return;
            var entry = c.U32(offset);
            c.AddInt("mpls.label", entry >> 12, offset, 3);
            c.AddInt("mpls.ttl", entry & 0xff, offset + 3, 1);
            offset += 4;
            c.Current!.Length = offset - c.Current.Offset;
            if ((entry & 0x100) != 0)
                break;
        }
        if (c.Need(offset, 1))
            DissectIpByVersion(c, view, offset);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectIpByVersion(FrameCursor c, ColumnView view, int offset)
    {
        switch (c.U8(offset) >> 4)
        {
            case 4:
                DissectIPv4(c, view, offset);
                break;
            case 6:
                DissectIPv6(c, view, offset);
                break;
            default:
                c.Begin(LayerKind.Network, "data", "Data", offset);
                view.Info = "Version IP inconnue";
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectArp(FrameCursor c, ColumnView view, int offset)
    {
        var layer = c.Begin(LayerKind.Link, "arp", "Address Resolution Protocol", offset);
        view.Protocol = "ARP";
        if (!c.Need(offset, 8))
            return;
        c.AddInt("arp.hw.type", c.U16(offset), offset, 2);
        c.AddHex("arp.proto.type", c.U16(offset + 2), 4, offset + 2, 2);
        int hlen = c.U8(offset + 4), plen = c.U8(offset + 5);
        c.AddInt("arp.hw.size", hlen, offset + 4, 1);
        c.AddInt("arp.proto.size", plen, offset + 5, 1);
        var opcode = c.U16(offset + 6);
        c.AddInt("arp.opcode", opcode, offset + 6, 2);
        layer.Length = 8 + 2 * (hlen + plen);
        var p = offset + 8;
        string? senderMac = null, senderIp = null, targetIp = null;
        var ethIp = hlen == 6 && plen == 4;
        if (!c.Need(p, hlen))
            return;
        if (ethIp)
        {
            var v = c.Mac(p);
            senderMac = v.Display;
            c.Add("arp.src.hw_mac", v, p, 6);
        }
        p += hlen;
        if (!c.Need(p, plen))
            return;
        if (ethIp)
        {
            var v = c.IPv4(p);
            senderIp = v.Display;
            c.Add("arp.src.proto_ipv4", v, p, 4);
        }
        p += plen;
        if (!c.Need(p, hlen))
            return;
        if (ethIp)
            c.Add("arp.dst.hw_mac", c.Mac(p), p, 6);
        p += hlen;
        if (!c.Need(p, plen))
            return;
        if (ethIp)
        {
            var v = c.IPv4(p);
            targetIp = v.Display;
            c.Add("arp.dst.proto_ipv4", v, p, 4);
        }
        view.Info = opcode switch
        {
            1 when senderIp == targetIp => $"ARP Announcement for {senderIp}",
            1 => $"Who has {targetIp}? Tell {senderIp}",
            2 => $"{senderIp} is at {senderMac}",
            _ => string.Create(CultureInfo.InvariantCulture, $"ARP opcode {opcode}"),
        };
        layer.Title = opcode == 2 ? "Address Resolution Protocol (reply)" : "Address Resolution Protocol (request)";
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectIPv4(FrameCursor c, ColumnView view, int offset, bool inner = false)
    {
        var layer = c.Begin(LayerKind.Network, "ip", "Internet Protocol Version 4", offset);
        if (!inner)
            view.Protocol = "IPv4";
        if (!c.Need(offset, 1))
            return;
        var version = c.U8(offset) >> 4;
        var headerLength = (c.U8(offset) & 0x0f) * 4;
        c.AddInt("ip.version", version, offset, 1);
        if (version != 4 || headerLength < 20)
        {
            c.AddInt("ip.hdr_len", headerLength, offset, 1);
            if (!inner)
                view.Info = version != 4 ? "Bogus IP version" : string.Create(CultureInfo.InvariantCulture, $"Bogus IP header length ({headerLength}, must be at least 20)");
            return;
        }
        c.AddInt("ip.hdr_len", headerLength, offset, 1);
        if (!c.Need(offset + 1, 1))
            return;
        c.AddHex("ip.dsfield", c.U8(offset + 1), 2, offset + 1, 1);
        if (!c.Need(offset + 2, 2))
            return;
        int totalLength = c.U16(offset + 2);
        c.AddInt("ip.len", totalLength, offset + 2, 2);
        if (!c.Need(offset + 4, 2))
            return;
        c.AddHex("ip.id", c.U16(offset + 4), 4, offset + 4, 2);
        if (!c.Need(offset + 6, 2))
            return;
        var flagsFrag = c.U16(offset + 6);
        c.AddHex("ip.flags", flagsFrag >> 13, 2, offset + 6, 1);
        c.AddBool("ip.flags.rb", (flagsFrag & 0x8000) != 0, offset + 6, 1);
        c.AddBool("ip.flags.df", (flagsFrag & 0x4000) != 0, offset + 6, 1);
        c.AddBool("ip.flags.mf", (flagsFrag & 0x2000) != 0, offset + 6, 1);
        var fragmentOffset = (flagsFrag & 0x1fff) * 8;
        c.AddInt("ip.frag_offset", flagsFrag & 0x1fff, offset + 6, 2);
        if (!c.Need(offset + 8, 1))
            return;
        c.AddInt("ip.ttl", c.U8(offset + 8), offset + 8, 1);
        if (!c.Need(offset + 9, 1))
            return;
        var protocol = c.U8(offset + 9);
        c.AddInt("ip.proto", protocol, offset + 9, 1);
        if (!c.Need(offset + 10, 2))
            return;
        c.AddHex("ip.checksum", c.U16(offset + 10), 4, offset + 10, 2);
        if (!c.Need(offset + 12, 4))
            return;
        c.AddAddress("ip.src", "ip.addr", offset + 12, 4);
        if (!inner)
            view.SetSource(offset + 12, 4);
        if (!c.Need(offset + 16, 4))
            return;
        c.AddAddress("ip.dst", "ip.addr", offset + 16, 4);
        if (!inner)
        {
            view.SetDestination(offset + 16, 4);
            c.NetSource = c.AddressKey(offset + 12, 4);
            c.NetDestination = c.AddressKey(offset + 16, 4);
        }
        layer.TitleBuilder = static l => $"Internet Protocol Version 4, Src: {l.Text("ip.src")}, Dst: {l.Text("ip.dst")}";
        layer.Length = headerLength;
        if (totalLength < headerLength)
        {
            if (!inner)
                view.Info = string.Create(CultureInfo.InvariantCulture, $"Bogus IP length ({totalLength}, less than header length {headerLength})");
            return;
        }
        if (!c.Need(offset, headerLength))
            return;
        if (!inner || c.ReportedEnd > offset + totalLength)
            c.ReportedEnd = Math.Min(c.ReportedEnd, offset + totalLength);
        if ((flagsFrag & 0x2000) != 0 || fragmentOffset != 0)
        {
            c.Begin(LayerKind.Network, "data", "Fragment IP", offset + headerLength);
            if (!inner)
                view.Info = string.Create(CultureInfo.InvariantCulture, $"Fragmented IP protocol (proto={ProtocolName(protocol)} {protocol}, off={fragmentOffset}, ID={c.U16(offset + 4):x4})");
            return;
        }
        DissectIpPayload(c, view, protocol, offset + headerLength, offset + totalLength, inner, false);
    }

    private static string ProtocolName(int protocol) => protocol switch
    {
        1 => "ICMP",
        2 => "IGMP",
        6 => "TCP",
        17 => "UDP",
        58 => "ICMPv6",
        _ => "",
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectIPv6(FrameCursor c, ColumnView view, int offset, bool inner = false)
    {
        var layer = c.Begin(LayerKind.Network, "ipv6", "Internet Protocol Version 6", offset);
        if (!inner)
            view.Protocol = "IPv6";
        if (!c.Need(offset, 4))
            return;
        var first = c.U32(offset);
        c.AddInt("ipv6.version", first >> 28, offset, 1);
        c.AddHex("ipv6.tclass", (first >> 20) & 0xff, 2, offset, 2);
        c.AddHex("ipv6.flow", first & 0xfffff, 5, offset + 1, 3);
        if (!c.Need(offset + 4, 4))
            return;
        int payloadLength = c.U16(offset + 4);
        c.AddInt("ipv6.plen", payloadLength, offset + 4, 2);
        int next = c.U8(offset + 6);
        c.AddInt("ipv6.nxt", next, offset + 6, 1);
        c.AddInt("ipv6.hlim", c.U8(offset + 7), offset + 7, 1);
        if (!c.Need(offset + 8, 16))
            return;
        c.AddAddress("ipv6.src", "ipv6.addr", offset + 8, 16);
        if (!inner)
            view.SetSource(offset + 8, 16);
        if (!c.Need(offset + 24, 16))
            return;
        c.AddAddress("ipv6.dst", "ipv6.addr", offset + 24, 16);
        if (!inner)
        {
            view.SetDestination(offset + 24, 16);
            c.NetSource = c.AddressKey(offset + 8, 16);
            c.NetDestination = c.AddressKey(offset + 24, 16);
        }
        layer.TitleBuilder = static l => $"Internet Protocol Version 6, Src: {l.Text("ipv6.src")}, Dst: {l.Text("ipv6.dst")}";
        var end = offset + 40 + payloadLength;
        if (!inner || c.ReportedEnd > end)
            c.ReportedEnd = Math.Min(c.ReportedEnd, end);
        var p = offset + 40;
        for (var hops = 0; hops < 8 && next is 0 or 43 or 44 or 60; hops++)
        {
            if (!c.Need(p, 2))
                return;
            var length = next == 44 ? 8 : (c.U8(p + 1) + 1) * 8;
            if (next == 44)
            {
                if (!c.Need(p, 8))
                    return;
                var fragment = c.U16(p + 2);
                c.AddInt("ipv6.fragment.offset", fragment >> 3, p + 2, 2);
                if ((fragment & 0xfff9) != 0)
                {
                    c.Begin(LayerKind.Network, "data", "Fragment IPv6", p + 8);
                    if (!inner)
                        view.Info = "IPv6 fragment";
                    return;
                }
            }
            next = c.U8(p);
            p += length;
        }
        layer.Length = p - offset;
        DissectIpPayload(c, view, next, p, end, inner, true);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectIpPayload(FrameCursor c, ColumnView view, int protocol, int offset, int end, bool inner, bool v6)
    {
        switch (protocol)
        {
            case 6:
                if (inner)
                    DissectInnerPorts(c, offset, "tcp", "Transmission Control Protocol");
                else
                    DissectTcp(c, view, offset, end, v6);
                break;
            case 17:
                if (inner)
                    DissectInnerPorts(c, offset, "udp", "User Datagram Protocol");
                else
                    DissectUdp(c, view, offset, end);
                break;
            case 1 when !v6:
                DissectIcmp(c, view, offset, inner);
                break;
            case 58 when v6:
                DissectIcmpv6(c, view, offset, inner);
                break;
            case 2 when !v6:
                c.Begin(LayerKind.Network, "igmp", "Internet Group Management Protocol", offset);
                if (!inner && c.Need(offset, 1))
                {
                    view.Protocol = "IGMPv" + (c.U8(offset) == 0x22 ? "3" : "2");
                    c.AddHex("igmp.type", c.U8(offset), 2, offset, 1);
                    view.Info = "IGMP";
                }
                break;
            default:
                if (!inner && offset < Math.Min(end, c.CapturedEnd))
                {
                    c.Begin(LayerKind.Transport, "data", "Data", offset).Length = Math.Min(end, c.CapturedEnd) - offset;
                    view.Info = string.Create(CultureInfo.InvariantCulture, $"Protocole IP {protocol}");
                }
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void DissectInnerPorts(FrameCursor c, int offset, string protocol, string title)
    {
        var layer = c.Begin(LayerKind.Transport, protocol, title, offset);
        if (!c.Need(offset, 4))
            return;
        layer.Length = Math.Min(8, c.CapturedEnd - offset);
        var tcp = protocol == "tcp";
        c.AddInt(tcp ? "tcp.srcport" : "udp.srcport", c.U16(offset), offset, 2);
        c.AddInt(tcp ? "tcp.dstport" : "udp.dstport", c.U16(offset + 2), offset + 2, 2);
        c.AddInt(tcp ? "tcp.port" : "udp.port", c.U16(offset), offset, 2);
        c.AddInt(tcp ? "tcp.port" : "udp.port", c.U16(offset + 2), offset + 2, 2);
        if (!tcp && c.Need(offset + 4, 2))
            c.AddInt("udp.length", c.U16(offset + 4), offset + 4, 2);
        if (protocol == "tcp" && c.Need(offset + 4, 4))
            c.AddInt("tcp.seq_raw", c.U32(offset + 4), offset + 4, 4);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectIcmp(FrameCursor c, ColumnView view, int offset, bool inner)
    {
        var layer = c.Begin(LayerKind.Network, "icmp", "Internet Control Message Protocol", offset);
        if (!inner)
            view.Protocol = "ICMP";
        if (!c.Need(offset, 2))
            return;
        int type = c.U8(offset), code = c.U8(offset + 1);
        c.AddInt("icmp.type", type, offset, 1);
        c.AddInt("icmp.code", code, offset + 1, 1);
        layer.Length = 8;
        if (!c.Need(offset + 2, 2))
            return;
        c.AddHex("icmp.checksum", c.U16(offset + 2), 4, offset + 2, 2);
        if (inner)
            return;
        view.Info = IcmpText(type, code);
        if (type is 0 or 8)
        {
            if (!c.Need(offset + 4, 4))
                return;
            int id = c.U16(offset + 4), seq = c.U16(offset + 6);
            c.AddHex("icmp.ident", id, 4, offset + 4, 2);
            c.AddInt("icmp.seq", seq, offset + 6, 2);
            var ip = c.Layers.LastOrDefault(l => l.Protocol == "ip");
            var ttl = ip is not null && ip.Offset + 8 < c.Data.Length ? c.Data[ip.Offset + 8] : 0;
            view.Info += string.Create(CultureInfo.InvariantCulture, $"{(type == 0 ? "    " : "  ")}id=0x{id:x4}, seq={seq}/{(ushort)((seq << 8) | (seq >> 8))}, ttl={ttl}");
            if (type == 8)
                _echoRequests[(c.NetSource, c.NetDestination, id, seq)] = c.Number;
            else if (_echoRequests.TryGetValue((c.NetDestination, c.NetSource, id, seq), out var request))
                view.Info += string.Create(CultureInfo.InvariantCulture, $" (request in {request})");
            var payload = offset + 8;
            if (payload < c.CapturedEnd)
            {
                c.Begin(LayerKind.Application, "data", "Data", payload).Length = c.CapturedEnd - payload;
            }
        }
        else if (type is 3 or 4 or 5 or 11 or 12)
        {
            if (!c.Need(offset + 4, 4))
                return;
            var quoted = offset + 8;
            if (quoted < c.CapturedEnd)
            {
                var saved = c.InErrorPacket;
                c.InErrorPacket = true;
                DissectIPv4(c, view, quoted, inner: true);
                c.InErrorPacket = saved;
            }
        }
    }

    private static string IcmpText(int type, int code) => type switch
    {
        0 => "Echo (ping) reply",
        8 => "Echo (ping) request",
        3 => "Destination unreachable (" + code switch
        {
            0 => "Network unreachable",
            1 => "Host unreachable",
            2 => "Protocol unreachable",
            3 => "Port unreachable",
            4 => "Fragmentation needed",
            13 => "Communication administratively filtered",
            _ => string.Create(CultureInfo.InvariantCulture, $"code {code}"),
        } + ")",
        11 => code == 0 ? "Time-to-live exceeded (Time to live exceeded in transit)" : "Time-to-live exceeded (Fragment reassembly time exceeded)",
        5 => "Redirect",
        4 => "Source quench (flow control)",
        12 => "Parameter problem",
        _ => string.Create(CultureInfo.InvariantCulture, $"ICMP type {type}, code {code}"),
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectIcmpv6(FrameCursor c, ColumnView view, int offset, bool inner)
    {
        var layer = c.Begin(LayerKind.Network, "icmpv6", "Internet Control Message Protocol v6", offset);
        if (!inner)
            view.Protocol = "ICMPv6";
        if (!c.Need(offset, 2))
            return;
        int type = c.U8(offset), code = c.U8(offset + 1);
        c.AddInt("icmpv6.type", type, offset, 1);
        c.AddInt("icmpv6.code", code, offset + 1, 1);
        layer.Length = Math.Min(8, c.CapturedEnd - offset);
        if (!c.Need(offset + 2, 2))
            return;
        c.AddHex("icmpv6.checksum", c.U16(offset + 2), 4, offset + 2, 2);
        if (inner)
            return;
        view.Info = type switch
        {
            128 => "Echo (ping) request",
            129 => "Echo (ping) reply",
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
        if (type is 128 or 129 && c.Need(offset + 4, 4))
        {
            c.AddHex("icmpv6.echo.identifier", c.U16(offset + 4), 4, offset + 4, 2);
            c.AddInt("icmpv6.echo.sequence_number", c.U16(offset + 6), offset + 6, 2);
            view.Info += string.Create(CultureInfo.InvariantCulture, $" id=0x{c.U16(offset + 4):x4}, seq={c.U16(offset + 6)}");
        }
        else if (type is 1 or 2 or 3 or 4 && c.Need(offset + 4, 4) && offset + 8 < c.CapturedEnd)
        {
            var saved = c.InErrorPacket;
            c.InErrorPacket = true;
            DissectIPv6(c, view, offset + 8, inner: true);
            c.InErrorPacket = saved;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectUdp(FrameCursor c, ColumnView view, int offset, int end)
    {
        var layer = c.Begin(LayerKind.Transport, "udp", "User Datagram Protocol", offset);
        view.Protocol = "UDP";
        if (!c.Need(offset, 8))
        {
            if (c.Need(offset, 4))
            {
                c.AddInt("udp.srcport", c.U16(offset), offset, 2);
                c.AddInt("udp.dstport", c.U16(offset + 2), offset + 2, 2);
            }
            return;
        }
        int src = c.U16(offset), dst = c.U16(offset + 2), length = c.U16(offset + 4);
        layer.Length = 8;
        layer.TitleBuilder = static l => $"User Datagram Protocol, Src Port: {l.Text("udp.srcport")}, Dst Port: {l.Text("udp.dstport")}";
        c.AddInt("udp.srcport", src, offset, 2);
        c.AddInt("udp.dstport", dst, offset + 2, 2);
        c.AddInt("udp.port", src, offset, 2);
        c.AddInt("udp.port", dst, offset + 2, 2);
        c.AddInt("udp.length", length, offset + 4, 2);
        c.AddHex("udp.checksum", c.U16(offset + 6), 4, offset + 6, 2);
        c.AddInt("udp.stream", _tcp.UdpStream(c, src, dst), -1, 0);
        var payloadEnd = Math.Min(end, c.ReportedEnd);
        if (length >= 8 && offset + length < payloadEnd)
            payloadEnd = offset + length;
        var payloadLength = Math.Max(0, payloadEnd - offset - 8);
        view.Info = string.Create(CultureInfo.InvariantCulture, $"{src} → {dst} Len={payloadLength}");
        if (length < 8 || offset + length > end)
        {
            // Wireshark: "Bad length value" — the payload is not handed on.
            return;
        }
        if (payloadLength == 0)
            return;
        c.ReportedEnd = Math.Min(c.ReportedEnd, payloadEnd);
        if (src is 53 or 5353 || dst is 53 or 5353)
        {
            DnsDecoder.Dissect(c, view, offset + 8, payloadEnd, src == 5353 || dst == 5353);
        }
        else
        {
            c.Begin(LayerKind.Application, "data", "Data", offset + 8).Length = Math.Min(payloadEnd, c.CapturedEnd) - offset - 8;
            if (offset + 8 < c.CapturedEnd)
                c.AddPayload("data.data", offset + 8, Math.Min(payloadEnd, c.CapturedEnd) - offset - 8);
            c.AddInt("data.len", payloadLength, offset + 8, payloadLength);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectTcp(FrameCursor c, ColumnView view, int offset, int end, bool v6)
    {
        var layer = c.Begin(LayerKind.Transport, "tcp", "Transmission Control Protocol", offset);
        view.Protocol = "TCP";
        if (!c.Need(offset, 4))
            return;
        int src = c.U16(offset), dst = c.U16(offset + 2);
        c.AddInt("tcp.srcport", src, offset, 2);
        c.AddInt("tcp.dstport", dst, offset + 2, 2);
        c.AddInt("tcp.port", src, offset, 2);
        c.AddInt("tcp.port", dst, offset + 2, 2);
        if (!c.Need(offset, 20))
            return;
        var headerLength = (c.U8(offset + 12) >> 4) * 4;
        var segment = new TcpSegment
        {
            SourcePort = src,
            DestinationPort = dst,
            Sequence = c.U32(offset + 4),
            Acknowledgment = c.U32(offset + 8),
            Flags = c.U16(offset + 12) & 0x0fff,
            Window = c.U16(offset + 14),
            HeaderLength = headerLength,
            PayloadLength = Math.Max(0, Math.Min(end, c.ReportedEnd) - offset - headerLength),
        };
        if (headerLength < 20)
        {
            c.AddInt("tcp.hdr_len", headerLength, offset + 12, 1);
            view.Info = string.Create(CultureInfo.InvariantCulture, $"{src} → {dst} [BAD HEADER LENGTH]");
            c.MarkMalformed();
            return;
        }
        layer.Length = headerLength;
        _tcp.Analyze(c, segment);
        c.AddInt("tcp.stream", segment.Stream, -1, 0);
        c.AddInt("tcp.len", segment.PayloadLength, -1, 0);
        c.AddInt("tcp.seq", segment.RelativeSequence, offset + 4, 4);
        c.AddInt("tcp.seq_raw", segment.Sequence, offset + 4, 4);
        if (segment.PayloadLength > 0 || (segment.Flags & 0x03) != 0)
            c.AddInt("tcp.nxtseq", segment.RelativeNextSequence, -1, 0);
        c.AddInt("tcp.ack", segment.RelativeAcknowledgment, offset + 8, 4);
        c.AddInt("tcp.ack_raw", segment.Acknowledgment, offset + 8, 4);
        c.AddInt("tcp.hdr_len", headerLength, offset + 12, 1);
        var flags = segment.Flags;
        c.AddHex("tcp.flags", flags, 4, offset + 12, 2);
        c.AddBool("tcp.flags.res", (flags & 0xe00) != 0, offset + 12, 1);
        c.AddBool("tcp.flags.ns", (flags & 0x100) != 0, offset + 12, 1);
        c.AddBool("tcp.flags.cwr", (flags & 0x80) != 0, offset + 13, 1);
        c.AddBool("tcp.flags.ecn", (flags & 0x40) != 0, offset + 13, 1);
        c.AddBool("tcp.flags.urg", (flags & 0x20) != 0, offset + 13, 1);
        c.AddBool("tcp.flags.ack", (flags & 0x10) != 0, offset + 13, 1);
        c.AddBool("tcp.flags.push", (flags & 0x08) != 0, offset + 13, 1);
        c.AddBool("tcp.flags.reset", (flags & 0x04) != 0, offset + 13, 1);
        c.AddBool("tcp.flags.syn", (flags & 0x02) != 0, offset + 13, 1);
        c.AddBool("tcp.flags.fin", (flags & 0x01) != 0, offset + 13, 1);
        if (c.Wants("tcp.flags.str"))
            c.AddText("tcp.flags.str", FlagString(flags), offset + 12, 2);
        c.AddInt("tcp.window_size_value", segment.Window, offset + 14, 2);
        c.AddInt("tcp.window_size", segment.ScaledWindow, offset + 14, 2);
        c.AddHex("tcp.checksum", c.U16(offset + 16), 4, offset + 16, 2);
        c.AddInt("tcp.urgent_pointer", c.U16(offset + 18), offset + 18, 2);
        if (!c.Need(offset, headerLength))
            return;
        TcpOptionFields(c, offset + 20, offset + headerLength);
        _tcp.AddAnalysisFields(c, segment);
        layer.TitleBuilder = static l =>
            $"Transmission Control Protocol, Src Port: {l.Text("tcp.srcport")}, Dst Port: {l.Text("tcp.dstport")}, Seq: {l.Text("tcp.seq")}, Ack: {l.Text("tcp.ack")}, Len: {l.Text("tcp.len")}";
        view.Tcp = new TcpInfo
        {
            Prefix = segment.AnalysisPrefix,
            Source = src,
            Destination = dst,
            Flags = flags,
            Sequence = segment.RelativeSequence,
            Acknowledgment = segment.RelativeAcknowledgment,
            Window = segment.ScaledWindow,
            Length = segment.PayloadLength,
            OptionsStart = offset + 20,
            OptionsEnd = offset + headerLength,
            SackBase = segment.AckBase,
        };

        var payload = offset + headerLength;
        if (segment.PayloadLength > 0)
        {
            var capturedPayload = Math.Max(0, Math.Min(payload + segment.PayloadLength, c.CapturedEnd) - payload);
            if (capturedPayload > 0)
                c.AddPayload("tcp.payload", payload, capturedPayload);
            if (!segment.IsRetransmission)
                DissectTcpPayload(c, view, segment, payload, capturedPayload);
        }
        else if (segment.HasFin)
        {
            HttpDecoder.OnFin(c, view, segment, payload);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DissectTcpPayload(FrameCursor c, ColumnView view, TcpSegment segment, int payload, int capturedPayload)
    {
        var span = c.Data.AsSpan(payload, capturedPayload);
        var http = HttpDecoder.Offer(c, view, segment, payload, capturedPayload);
        if (http)
            return;
        if (segment.SourcePort == 53 || segment.DestinationPort == 53)
        {
            if (span.Length >= 2 && (span[0] << 8 | span[1]) == span.Length - 2)
            {
                DnsDecoder.Dissect(c, view, payload + 2, payload + capturedPayload, false, tcpLength: payload);
                return;
            }
        }
        c.Begin(LayerKind.Application, "data", "Data", payload).Length = capturedPayload;
        c.AddPayload("data.data", payload, capturedPayload);
        c.AddInt("data.len", segment.PayloadLength, payload, capturedPayload);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void TcpOptionFields(FrameCursor c, int p, int end)
    {
        foreach (var (kind, offset, length) in new TcpOptionWalker(c.Data, p, end))
        {
            if (kind == 2 && length == 4)
                c.AddInt("tcp.options.mss_val", c.U16(offset + 2), offset + 2, 2);
            else if (kind == 3 && length == 3)
                c.AddInt("tcp.options.wscale.shift", c.U8(offset + 2), offset + 2, 1);
        }
    }

    private static string FlagString(int flags)
    {
        Span<char> s = stackalloc char[12];
        const string letters = "RRRNCEUAPRSF";
        for (var i = 0; i < 12; i++)
            s[i] = (flags & (1 << (11 - i))) != 0 ? letters[i] : '·';
        return new string(s);
    }
}
