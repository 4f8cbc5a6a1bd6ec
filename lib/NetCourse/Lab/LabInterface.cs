using System.Net;

namespace NetCourse.Lab;

/// <summary>An address of a lab node on one of its interfaces.</summary>
/// <param name="Interface">Interface name inside the node.</param>
/// <param name="Address">IPv4 address.</param>
/// <param name="PrefixLength">Prefix length (24 in the lab).</param>
public sealed record LabInterface(string Interface, IPAddress Address, int PrefixLength);
