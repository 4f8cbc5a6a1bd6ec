namespace NetCourse.Dissection;

/// <summary>
/// Dissects frames into <see cref="DissectedPacket"/>s with Wireshark's field names and values. It keeps the
/// state Wireshark keeps across a capture (first timestamp, TCP streams, relative sequence numbers, TCP analysis,
/// HTTP messages split over several segments), so frames must be given in capture order. A truncated or malformed
/// frame is dissected as far as it goes and marked <see cref="DissectedPacket.IsMalformed"/> (bytes are checked where
/// they are read; there is no catch-all, so a dissector bug throws instead of hiding as a malformed packet).
/// Read a whole file with <see cref="CaptureFileDissector.Read(string)"/>.
/// </summary>
public sealed class PacketDissector
{
    private readonly CaptureState _state;
    private readonly HashSet<string>? _wanted;
    private readonly List<PacketField> _fields = new(80);

    /// <summary>A dissector that keeps every field.</summary>
    public PacketDissector()
        : this(null)
    {
    }

    /// <summary>
    /// A dissector that keeps only <paramref name="fields"/> (Wireshark names; null keeps every field). Layers,
    /// protocols, columns and TCP state are the same; unwanted fields are simply not stored, which makes
    /// dissection much cheaper when only a few fields are printed or filtered on.
    /// </summary>
    public PacketDissector(IEnumerable<string>? fields)
        : this(fields, CaptureLimits.Default)
    {
    }

    /// <summary>A dissector whose capture state has other caps (the tests use small ones to reach them).</summary>
    internal PacketDissector(IEnumerable<string>? fields, CaptureLimits limits)
    {
        _state = new CaptureState(limits);
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

    /// <summary>What the dissector remembers across the capture (for the tests of its bounds).</summary>
    internal CaptureState State => _state;

    /// <summary>The number of frames dissected so far.</summary>
    public long Count => _number;

    /// <summary>Dissects the next frame of the capture.</summary>
    /// <param name="frame">The captured bytes (kept by the packet, not copied).</param>
    /// <param name="linkType">The capture's libpcap link type (1 Ethernet, 113 Linux cooked, 276 Linux cooked v2, 0 null, 108 loop, 101/12/228/229 raw IP, 9/50 PPP).</param>
    /// <param name="timestamp">Seconds since the Unix epoch, with the capture's precision.</param>
    /// <param name="originalLength">The frame's length on the wire (at least the captured length).</param>
    public DissectedPacket Dissect(byte[] frame, int linkType, decimal timestamp, int originalLength)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _number++;
        _firstTime ??= timestamp;
        var relative = timestamp - _firstTime.Value;
        _fields.Clear();
        var cursor = new FrameCursor(frame, originalLength) { Time = timestamp, Number = _number, Wanted = _wanted, Fields = _fields, Capture = _state };
        var view = new ColumnView();
        var frameLayer = cursor.Begin(LayerKind.Frame, "frame", "Frame", 0);
        frameLayer.TitleBuilder = static l => $"Frame {l.Text("frame.number")}: {l.Text("frame.len")} bytes on wire, {l.Text("frame.cap_len")} bytes captured";
        frameLayer.Length = frame.Length;
        // In packet-frame.c's order (the details pane lists them so): the times, then the number.
        if (cursor.Wants("frame.time_epoch"))
            cursor.Add("frame.time_epoch", FieldValue.FromSeconds(timestamp), -1, 0);
        if (cursor.Wants("frame.time_relative"))
            cursor.Add("frame.time_relative", FieldValue.FromSeconds(relative), -1, 0);
        cursor.AddInt("frame.number", _number, -1, 0);
        cursor.AddInt("frame.len", Math.Max(originalLength, frame.Length), -1, 0);
        cursor.AddInt("frame.cap_len", frame.Length, -1, 0);
        var protocolsIndex = -1;
        if (cursor.Wants("frame.protocols"))
        {
            protocolsIndex = _fields.Count;
            cursor.AddText("frame.protocols", "", -1, 0);
        }
        // No catch-all: every dissector checks its bytes with FrameCursor.Need before reading them, and marks the
        // packet malformed or cut short as tshark does. An exception here is a dissector bug (the fuzz tests fail on it).
        LinkTypeTable.Dissect(cursor, view, linkType);
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
            view.Append((view.Tcp is not null || view.Info.Length > 0) && !view.MalformedJoined ? " [Malformed Packet]" : "[Malformed Packet]");
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
    public DissectedPacket Dissect(byte[] frame, int linkType, DateTime timestampUtc, int originalLength) =>
        Dissect(frame, linkType, (decimal)(timestampUtc.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond, originalLength);
}
