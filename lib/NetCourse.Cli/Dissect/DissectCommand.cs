using System.CommandLine;
using System.Text;
using System.Threading.Channels;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Cli.Dissect;

/// <summary>
/// `netcourse dissect FILE [-Y FILTER] [-e FIELD]...`: one line per packet, tab-separated, as
/// `tshark -r FILE [-Y FILTER] -T fields -e FIELD...` prints it. `-e frame.coloring_rule.name` gives the name of the
/// Wireshark colouring rule that matches. Exit code 1 with a one-line French error for a bad filter or a file that
/// is not a capture, is empty or is truncated (the packets before the damage are printed first).
/// </summary>
public sealed class DissectCommand : ICliCommand
{
    /// <summary>The fields printed when no -e is given.</summary>
    internal static readonly string[] DefaultFields =
        ["frame.number", "frame.time_relative", "_ws.col.Source", "_ws.col.Destination", "_ws.col.Protocol", "frame.len", "_ws.col.Info"];

    /// <inheritdoc />
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "Fichier de capture (pcap ou pcapng)." };
        var filter = new Option<string?>("-Y", "--display-filter") { Description = "Filtre d'affichage (syntaxe Wireshark), par exemple \"tcp.port == 80\"." };
        var fields = new Option<string[]>("-e", "--field") { Description = "Champ à afficher (nom Wireshark), répétable : -e ip.src -e tcp.dstport.", AllowMultipleArgumentsPerToken = false };
        var quiet = new Option<bool>("-q") { Description = "Avec -z : n'affiche que le résultat (comme tshark -q)." };
        var statistic = new Option<string?>("-z") { Description = "follow,tcp,ascii,N (ou hex, raw) : le flux TCP numéro N reconstitué, comme « tshark -q -z follow,tcp,ascii,N »." };
        var command = new Command("dissect", "Dissèque une capture et affiche les champs choisis, comme « tshark -T fields ».") { file, filter, fields, quiet, statistic };
        command.SetAction((parse, _) => Task.FromResult(parse.GetValue(statistic) is { } follow
            ? DissectFollow.Run(parse.GetValue(file)!, follow, parse.GetValue(quiet),
                !string.IsNullOrEmpty(parse.GetValue(filter)) || (parse.GetValue(fields) ?? []).Length > 0, Console.OpenStandardOutput(), Console.Error)
            : Run(parse.GetValue(file)!, parse.GetValue(filter), parse.GetValue(fields) ?? [], Console.OpenStandardOutput(), Console.Error)));
        return command;
    }

    /// <summary>Runs the command, writing lines to <paramref name="output"/> and errors to <paramref name="error"/>; returns the exit code.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static int Run(string path, string? filterText, string[] fields, Stream output, TextWriter error)
    {
        DisplayFilter? filter = null;
        if (!string.IsNullOrWhiteSpace(filterText))
        {
            if (!DisplayFilter.TryParse(filterText, out filter, out var problem))
            {
                error.WriteLine($"Filtre d'affichage invalide (caractère {problem.Position + 1}) : {OneLine(problem.Reason)}");
                return 1;
            }
        }
        if (fields.Length == 0)
            fields = DefaultFields;
        var unknown = fields.Where(f => !FieldRowWriter.IsKnownField(f)).Distinct().ToArray();
        if (unknown.Length > 0)
            error.WriteLine($"Champ(s) que netcourse ne décode pas (colonne vide) : {string.Join(", ", unknown)}");
        var wantsColour = Array.IndexOf(fields, "frame.coloring_rule.name") >= 0;
        var rules = wantsColour ? ColoringRules.Default : null;
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n", AutoFlush = false };
        try
        {
            // Only the fields printed, filtered on or read by the colouring rules are kept in each packet.
            var wanted = new List<string>(fields);
            if (filter is not null)
                wanted.AddRange(filter.Fields);
            if (rules is not null)
                wanted.AddRange(rules.Rules.Where(r => r.Filter is not null).SelectMany(r => r.Filter!.Fields));
            var rows = new FieldRowWriter(fields);
            // Two stages, in order: this thread's producer reads and dissects (TCP state is sequential), the caller's
            // thread filters, colours and writes. Batches are bounded, so memory stays flat.
            var channel = Channel.CreateBounded<DissectedPacket[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            using var stop = new CancellationTokenSource();
            var producer = Task.Run(() =>
            {
                var batch = new List<DissectedPacket>(BatchSize);
                try
                {
                    foreach (var packet in CaptureFileDissector.Read(path, wanted))
                    {
                        batch.Add(packet);
                        if (batch.Count == BatchSize)
                        {
                            WriteBatch(channel.Writer, batch.ToArray(), stop.Token);
                            batch.Clear();
                        }
                    }
                    if (batch.Count > 0)
                        WriteBatch(channel.Writer, batch.ToArray(), stop.Token);
                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    // The packets read before the damage are still printed, then the error.
                    if (batch.Count > 0 && e is not OperationCanceledException)
                        WriteBatch(channel.Writer, batch.ToArray(), stop.Token);
                    channel.Writer.Complete(e);
                }
            }, CancellationToken.None);
            var reader = channel.Reader;
            try
            {
                while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    while (reader.TryRead(out var batch))
                    {
                        foreach (var packet in batch)
                        {
                            if (filter is not null && !filter.Matches(packet))
                                continue;
                            rows.Write(packet, writer, wantsColour ? rules!.Match(packet)?.Name : null);
                        }
                    }
                }
            }
            finally
            {
                // If writing failed, the producer must not wait for room forever.
                stop.Cancel();
                try
                {
                    producer.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
        catch (CaptureFileException e)
        {
            writer.Flush();
            error.WriteLine(e.Message);
            return 1;
        }
        writer.Flush();
        return 0;
    }

    private const int BatchSize = 64;

    private static void WriteBatch(ChannelWriter<DissectedPacket[]> writer, DissectedPacket[] batch, CancellationToken token)
    {
        while (!writer.TryWrite(batch))
        {
            if (!writer.WaitToWriteAsync(token).AsTask().GetAwaiter().GetResult())
                return;
        }
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
