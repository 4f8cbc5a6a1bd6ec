using System.Globalization;
using System.Text;
using NetCourse.Capture;
using NetCourse.Dissection;
using NetCourse.Dissection.Follow;

namespace NetCourse.Cli.Dissect;

/// <summary>
/// `netcourse dissect FILE -q -z follow,tcp,MODE,N`: prints what `tshark -r FILE -q -z follow,tcp,MODE,N` prints.
/// Unlike tshark, a stream that the capture does not hold is an error (tshark prints an empty block).
/// </summary>
internal static class DissectFollow
{
    /// <summary>Runs the follow; returns the exit code.</summary>
    internal static int Run(string path, string argument, bool quiet, bool withFieldsOrFilter, Stream output, TextWriter error)
    {
        if (withFieldsOrFilter)
        {
            error.WriteLine("-z follow ne se combine ni avec -Y ni avec -e : « netcourse dissect FICHIER -q -z follow,tcp,ascii,N ».");
            return 1;
        }
        if (!FollowRequest.TryParse(argument, out var request, out var problem))
        {
            error.WriteLine(problem);
            return 1;
        }
        if (!quiet)
        {
            error.WriteLine("-z follow s'utilise avec -q (comme « tshark -q -z follow,tcp,ascii,N ») : seul le flux est affiché.");
            return 1;
        }
        var follower = new TcpStreamFollower(request!.Stream);
        try
        {
            foreach (var packet in CaptureFileDissector.Read(path, TcpStreamFollower.RequiredFields))
                follower.Add(packet);
        }
        catch (CaptureFileException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
        if (follower.Result is not { } stream)
        {
            var known = follower.HighestStreamSeen < 0
                ? "elle ne contient aucun flux TCP"
                : string.Create(CultureInfo.InvariantCulture, $"ses flux vont de 0 à {follower.HighestStreamSeen}");
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"flux TCP {request.Stream} absent de la capture : {known}."));
            return 1;
        }
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        FollowTextWriter.Write(stream, writer, request.Mode, request.FirstChunk, request.LastChunk);
        return 0;
    }
}
