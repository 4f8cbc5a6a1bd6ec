using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NetCourse.Capture;

namespace NetCourse.Dissection;

/// <summary>
/// Writes the chosen fields of a capture file's packets, one tab-separated line per packet that passes the display
/// filter, as <c>tshark -r FILE [-Y FILTER] -T fields -e FIELD…</c> prints them; <see cref="FieldRowWriter.ColoringRuleField"/>
/// gives the name of the Wireshark coloring rule that matches. This is <c>netcourse dissect</c>'s engine: the command
/// only parses its options and prints errors.
/// </summary>
public sealed class FieldExport
{
    // Packets travel from the reading thread to the writing one in batches: one channel operation per packet would
    // cost more than dissecting it.
    private const int BatchSize = 64;

    private readonly FieldRowWriter _rows;
    private readonly ColoringRules? _coloring;
    private readonly string[] _wanted;

    /// <summary>The columns printed when none is chosen: tshark's packet list (number, time, source, destination, protocol, length, info).</summary>
    public static IReadOnlyList<string> DefaultFields { get; } =
        ["frame.number", "frame.time_relative", "_ws.col.Source", "_ws.col.Destination", "_ws.col.Protocol", "frame.len", "_ws.col.Info"];

    /// <summary>Prepares an export of <paramref name="fields"/> (Wireshark names; empty: <see cref="DefaultFields"/>) for the packets <paramref name="filter"/> keeps (null: every packet).</summary>
    public FieldExport(IReadOnlyList<string> fields, DisplayFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields.Count == 0 ? DefaultFields : [.. fields];
        Filter = filter;
        UnknownFields = [.. Fields.Where(f => !FieldRowWriter.IsKnownField(f)).Distinct()];
        _coloring = Fields.Contains(FieldRowWriter.ColoringRuleField) ? ColoringRules.Default : null;
        _rows = new FieldRowWriter(Fields);
        // Only the fields printed, filtered on or read by the coloring rules are kept in each packet.
        var wanted = new List<string>(Fields);
        if (filter is not null)
            wanted.AddRange(filter.Fields);
        if (_coloring is not null)
            wanted.AddRange(_coloring.Rules.Where(r => r.Filter is not null).SelectMany(r => r.Filter!.Fields));
        _wanted = [.. wanted];
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The display filter, or null.</summary>
    public DisplayFilter? Filter { get; }

    /// <summary>The chosen fields that the dissector does not fill: their column stays empty, as tshark leaves a field no packet has.</summary>
    public IReadOnlyList<string> UnknownFields { get; }

    /// <summary>
    /// Dissects the capture at <paramref name="path"/>, streaming, and writes one line per kept packet to
    /// <paramref name="output"/> (lines end with <c>\n</c>); returns how many lines were written. Two stages in order:
    /// a reader thread dissects (TCP state is sequential), filters and colors while the calling thread formats and writes, through
    /// a bounded channel, so memory stays flat on any size of capture. Throws <see cref="CaptureFileException"/>
    /// (French message) for a file that cannot be read, or — once the packets before the damage are written — for a
    /// truncated or damaged one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Write(string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(output);
        var channel = Channel.CreateBounded<ExportRow[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() => Produce(path, channel.Writer, stop.Token), CancellationToken.None);
        var written = 0L;
        var reader = channel.Reader;
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var batch))
                {
                    foreach (var row in batch)
                        _rows.Write(row.Packet, output, row.Rule);
                    written += batch.Length;
                }
            }
        }
        finally
        {
            // If writing failed, the reader thread must not wait for room forever.
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }
        }
        return written;
    }

    // The filter and the coloring rules run here, beside the dissection, so that the two threads share the work
    // about evenly (formatting the columns alone costs about as much as dissecting); the writer only formats.
    private void Produce(string path, ChannelWriter<ExportRow[]> channel, CancellationToken token)
    {
        var batch = new List<ExportRow>(BatchSize);
        try
        {
            foreach (var packet in CaptureFileDissector.Read(path, _wanted))
            {
                if (Filter is not null && !Filter.Matches(packet))
                    continue;
                batch.Add(new ExportRow(packet, _coloring?.Match(packet)?.Name));
                if (batch.Count == BatchSize)
                {
                    Send(channel, [.. batch], token);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
                Send(channel, [.. batch], token);
            channel.Complete();
        }
        catch (Exception e)
        {
            // The packets read before the damage are still written, then the error reaches the caller.
            if (batch.Count > 0 && e is not OperationCanceledException)
                Send(channel, [.. batch], token);
            channel.Complete(e);
        }
    }

    private static void Send(ChannelWriter<ExportRow[]> channel, ExportRow[] batch, CancellationToken token)
    {
        while (!channel.TryWrite(batch))
        {
            if (!channel.WaitToWriteAsync(token).AsTask().GetAwaiter().GetResult())
                return;
        }
    }

    /// <summary>A packet the filter kept, with the name of the coloring rule it matches (null: none, or not asked).</summary>
    private readonly record struct ExportRow(DissectedPacket Packet, string? Rule);
}
