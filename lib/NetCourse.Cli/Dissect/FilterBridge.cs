using NetCourse.Dissection;

namespace NetCourse.Cli.Dissect;

/// <summary>Connects the command to the display filters and colouring rules (developer "filters").</summary>
internal static class FilterBridge
{
    public static bool TryParse(string text, out PacketPredicate? filter, out string message)
    {
        filter = null;
        message = "Les filtres d'affichage (-Y) ne sont pas encore disponibles dans cette version.";
        _ = text;
        return false;
    }

    public static string ColoringRuleName(IFieldSource packet)
    {
        _ = packet;
        return "";
    }
}
