using System.CommandLine;
using System.Text;
using NetCourse.Capture;
using NetCourse.Dissection;

namespace NetCourse.Cli.Dissect;

/// <summary>
/// `netcourse dissect FILE [-Y FILTER] [-e FIELD]...`: one line per packet, tab-separated, as
/// `tshark -r FILE [-Y FILTER] -T fields -e FIELD...` prints it. `-e frame.coloring_rule.name` gives the name of the
/// Wireshark coloring rule that matches. Exit code 1 with a one-line French error for a bad filter or a file that
/// is not a capture, is empty or is truncated (the packets before the damage are printed first).
/// </summary>
public sealed class DissectCommand : ICliCommand
{
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
    internal static int Run(string path, string? filterText, string[] fields, Stream output, TextWriter error)
    {
        DisplayFilter? filter = null;
        if (!string.IsNullOrWhiteSpace(filterText) && !DisplayFilter.TryParse(filterText, out filter, out var problem))
        {
            error.WriteLine($"Filtre d'affichage invalide (caractère {problem.Position + 1}) : {OneLine(problem.Reason)}");
            return 1;
        }
        var export = new FieldExport(fields, filter);
        if (export.UnknownFields.Count > 0)
            error.WriteLine($"Champ(s) que netcourse ne décode pas (colonne vide) : {string.Join(", ", export.UnknownFields)}");
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n", AutoFlush = false };
        try
        {
            export.Write(path, writer);
        }
        catch (CaptureFileException e)
        {
            // The packets before the damage first, then the one line that says what is wrong.
            writer.Flush();
            error.WriteLine(e.Message);
            return 1;
        }
        writer.Flush();
        return 0;
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
