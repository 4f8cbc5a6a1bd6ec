using NetCourse.Dissection;

namespace NetCourse.Cli.Dissect;

/// <summary>A compiled display filter: true when the packet passes.</summary>
internal delegate bool PacketPredicate(IFieldSource packet);
