namespace NetCourse.Dissection;

/// <summary>A conversation's key with both directions mapped to one order (lower address and port first).</summary>
internal static class ConversationKey
{
    public static (UInt128, int, UInt128, int) Of(UInt128 a, int pa, UInt128 b, int pb, out bool forward)
    {
        forward = a < b || (a == b && pa <= pb);
        return forward ? (a, pa, b, pb) : (b, pb, a, pa);
    }
}
