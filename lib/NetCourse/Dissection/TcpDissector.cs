using System.Globalization;

namespace NetCourse.Dissection;

/// <summary>TCP: the header, the conversation tracker's relative numbers and analysis, then the port table for the payload.</summary>
internal static class TcpDissector
{
    private const int MaxSegmentSizeOption = 2;
    private const int WindowScaleOption = 3;

    public static void Dissect(FrameCursor c, ColumnView view, int offset, int end)
    {
        var layer = c.Begin(LayerKind.Transport, "tcp", "Transmission Control Protocol", offset);
        view.Protocol = "TCP";
        if (!c.Need(offset, 4))
            return;
        int sourceOffset = offset + TcpFields.SourcePort, destinationOffset = offset + TcpFields.DestinationPort;
        int src = c.U16(sourceOffset), dst = c.U16(destinationOffset);
        c.AddInt("tcp.srcport", src, sourceOffset, 2);
        c.AddInt("tcp.dstport", dst, destinationOffset, 2);
        c.AddInt("tcp.port", src, sourceOffset, 2);
        c.AddInt("tcp.port", dst, destinationOffset, 2);
        if (!c.Need(offset, TcpFields.MinHeaderLength))
            return;
        var headerLength = (c.U8(offset + TcpFields.DataOffsetAndFlags) >> 4) * 4;
        var segment = new TcpSegment
        {
            SourcePort = src,
            DestinationPort = dst,
            Sequence = c.U32(offset + TcpFields.Sequence),
            Acknowledgment = c.U32(offset + TcpFields.Acknowledgment),
            Flags = c.U16(offset + TcpFields.DataOffsetAndFlags) & TcpFields.FlagsMask,
            Window = c.U16(offset + TcpFields.Window),
            HeaderLength = headerLength,
            PayloadLength = Math.Max(0, Math.Min(end, c.ReportedEnd) - offset - headerLength),
        };
        if (headerLength < TcpFields.MinHeaderLength)
        {
            c.AddInt("tcp.hdr_len", headerLength, offset + TcpFields.DataOffsetAndFlags, 1);
            view.Info = string.Create(CultureInfo.InvariantCulture, $"{src} → {dst} [BAD HEADER LENGTH]");
            c.MarkMalformed();
            return;
        }
        layer.Length = headerLength;
        c.Capture.Tcp.Analyze(c, segment);
        AddHeaderFields(c, offset, segment);
        if (!c.Need(offset, headerLength))
            return;
        AddOptionFields(c, offset + TcpFields.MinHeaderLength, offset + headerLength);
        TcpAnalysisFields.Add(c, segment);
        layer.TitleBuilder = static l =>
            $"Transmission Control Protocol, Src Port: {l.Text("tcp.srcport")}, Dst Port: {l.Text("tcp.dstport")}, Seq: {l.Text("tcp.seq")}, Ack: {l.Text("tcp.ack")}, Len: {l.Text("tcp.len")}";
        view.Tcp = new TcpInfo
        {
            Prefix = segment.AnalysisPrefix,
            Source = src,
            Destination = dst,
            Flags = segment.Flags,
            Sequence = segment.RelativeSequence,
            Acknowledgment = segment.RelativeAcknowledgment,
            Window = segment.ScaledWindow,
            Length = segment.PayloadLength,
            OptionsStart = offset + TcpFields.MinHeaderLength,
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
                PortTable.DissectTcpPayload(c, view, segment, payload, capturedPayload);
        }
        else if (segment.HasFin)
        {
            HttpDecoder.OnFin(c, view, segment, payload);
        }
    }

    private static void AddHeaderFields(FrameCursor c, int offset, TcpSegment segment)
    {
        int seq = offset + TcpFields.Sequence, ack = offset + TcpFields.Acknowledgment;
        int flagsOffset = offset + TcpFields.DataOffsetAndFlags, low = offset + TcpFields.FlagsLow;
        c.AddInt("tcp.stream", segment.Stream, -1, 0);
        c.AddInt("tcp.len", segment.PayloadLength, -1, 0);
        c.AddInt("tcp.seq", segment.RelativeSequence, seq, 4);
        c.AddInt("tcp.seq_raw", segment.Sequence, seq, 4);
        if (segment.PayloadLength > 0 || (segment.Flags & (TcpFields.Syn | TcpFields.Fin)) != 0)
            c.AddInt("tcp.nxtseq", segment.RelativeNextSequence, -1, 0);
        c.AddInt("tcp.ack", segment.RelativeAcknowledgment, ack, 4);
        c.AddInt("tcp.ack_raw", segment.Acknowledgment, ack, 4);
        c.AddInt("tcp.hdr_len", segment.HeaderLength, flagsOffset, 1);
        var flags = segment.Flags;
        c.AddHex("tcp.flags", flags, 4, flagsOffset, 2);
        c.AddBool("tcp.flags.res", (flags & TcpFields.Reserved) != 0, flagsOffset, 1);
        // Wireshark 4's names (3.x called these bits tcp.flags.ns and tcp.flags.ecn; tshark 4 rejects those names).
        c.AddBool("tcp.flags.ae", (flags & TcpFields.Ns) != 0, flagsOffset, 1);
        c.AddBool("tcp.flags.cwr", (flags & TcpFields.Cwr) != 0, low, 1);
        c.AddBool("tcp.flags.ece", (flags & TcpFields.Ece) != 0, low, 1);
        c.AddBool("tcp.flags.urg", (flags & TcpFields.Urg) != 0, low, 1);
        c.AddBool("tcp.flags.ack", (flags & TcpFields.Ack) != 0, low, 1);
        c.AddBool("tcp.flags.push", (flags & TcpFields.Psh) != 0, low, 1);
        c.AddBool("tcp.flags.reset", (flags & TcpFields.Rst) != 0, low, 1);
        c.AddBool("tcp.flags.syn", (flags & TcpFields.Syn) != 0, low, 1);
        c.AddBool("tcp.flags.fin", (flags & TcpFields.Fin) != 0, low, 1);
        if (c.Wants("tcp.flags.str"))
            c.AddText("tcp.flags.str", FlagString(flags), flagsOffset, 2);
        c.AddInt("tcp.window_size_value", segment.Window, offset + TcpFields.Window, 2);
        c.AddInt("tcp.window_size", segment.ScaledWindow, offset + TcpFields.Window, 2);
        c.AddHex("tcp.checksum", c.U16(offset + TcpFields.Checksum), 4, offset + TcpFields.Checksum, 2);
        c.AddInt("tcp.urgent_pointer", c.U16(offset + TcpFields.UrgentPointer), offset + TcpFields.UrgentPointer, 2);
    }

    private static void AddOptionFields(FrameCursor c, int p, int end)
    {
        foreach (var (kind, offset, length) in new TcpOptionWalker(c.Data, p, end))
        {
            if (kind == MaxSegmentSizeOption && length == 4)
                c.AddInt("tcp.options.mss_val", c.U16(offset + 2), offset + 2, 2);
            else if (kind == WindowScaleOption && length == 3)
                c.AddInt("tcp.options.wscale.shift", c.U8(offset + 2), offset + 2, 1);
        }
    }

    private static string FlagString(int flags)
    {
        Span<char> s = stackalloc char[12];
        const string Letters = "RRRNCEUAPRSF";
        for (var i = 0; i < 12; i++)
            s[i] = (flags & (1 << (11 - i))) != 0 ? Letters[i] : '·';
        return new string(s);
    }
}
