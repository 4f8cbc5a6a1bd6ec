namespace NetCourse.Capture;

/// <summary>The libpcap link types (LINKTYPE_ values) the course meets, with the names tshark gives them.</summary>
public static class LinkType
{
    /// <summary>BSD loopback (null): a 4-byte address family before the IP packet.</summary>
    public const int Null = 0;
    /// <summary>Ethernet (also what Linux's <c>lo</c> gives, with zero MAC addresses).</summary>
    public const int Ethernet = 1;
    /// <summary>PPP.</summary>
    public const int Ppp = 9;
    /// <summary>Raw IP: the frame starts with the IP header.</summary>
    public const int RawIp = 101;
    /// <summary>Linux cooked capture v1 (SLL), what the <c>any</c> pseudo-device gives.</summary>
    public const int LinuxSll = 113;
    /// <summary>Linux cooked capture v2 (SLL2).</summary>
    public const int LinuxSll2 = 276;

    /// <summary>A readable name for a link type (French for the unknown ones).</summary>
    public static string Name(int linkType) => linkType switch
    {
        Null => "BSD loopback (null)",
        Ethernet => "Ethernet",
        Ppp => "PPP",
        RawIp => "IP brut (raw IP)",
        LinuxSll => "Linux cooked capture v1 (SLL)",
        LinuxSll2 => "Linux cooked capture v2 (SLL2)",
        _ => $"type de lien {linkType}",
    };
}
