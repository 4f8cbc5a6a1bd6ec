namespace NetCourse.Dissection;

/// <summary>Offsets and masks in an IPv4 header.</summary>
internal static class Ipv4Fields
{
    public const int VersionAndHeaderLength = 0;
    public const int DifferentiatedServices = 1;
    public const int TotalLength = 2;
    public const int Identification = 4;
    public const int FlagsAndFragmentOffset = 6;
    public const int Ttl = 8;
    public const int Protocol = 9;
    public const int Checksum = 10;
    public const int Source = 12;
    public const int Destination = 16;
    public const int AddressLength = 4;
    public const int MinHeaderLength = 20;

    public const int ReservedFlag = 0x8000;
    public const int DontFragmentFlag = 0x4000;
    public const int MoreFragmentsFlag = 0x2000;
    public const int FragmentOffsetMask = 0x1fff;
}
