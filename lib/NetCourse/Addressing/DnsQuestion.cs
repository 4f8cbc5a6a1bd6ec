namespace NetCourse.Addressing;

/// <summary>One question of a DNS message: a name, a type, a class (1 = IN, Internet).</summary>
/// <param name="Name">The name asked for, without the final dot.</param>
/// <param name="Type">The record type asked for.</param>
/// <param name="Class">The class (1 = IN).</param>
public sealed record DnsQuestion(string Name, DnsRecordType Type, ushort Class = 1);
