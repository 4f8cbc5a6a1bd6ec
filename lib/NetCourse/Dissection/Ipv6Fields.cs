namespace NetCourse.Dissection;

/// <summary>Offsets in an IPv6 header and in its fragment extension header.</summary>
internal static class Ipv6Fields
{
    public const int VersionClassFlow = 0;
    public const int PayloadLength = 4;
    public const int NextHeader = 6;
    public const int HopLimit = 7;
    public const int Source = 8;
    public const int Destination = 24;
    public const int AddressLength = 16;
    public const int HeaderLength = 40;

    public const int HopByHop = 0;
    public const int Routing = 43;
    public const int Fragment = 44;
    public const int DestinationOptions = 60;

    public const int ExtensionLength = 1;
    public const int FragmentOffsetAndFlags = 2;
    public const int FragmentIdentification = 4;
    public const int FragmentHeaderLength = 8;
    public const int MoreFragmentsFlag = 0x0001;
}
