namespace NetCourse.Dissection;

/// <summary>The comparison operators of display filters, with Wireshark 4.0 semantics.</summary>
internal enum FilterRelation
{
    /// <summary>== / eq / any_eq: some value is equal.</summary>
    Equal,
    /// <summary>!= / ne / all_ne: the field is present and no value is equal (Wireshark ≥ 3.6: "!(a == b)" but false when absent).</summary>
    NotEqual,
    /// <summary>=== / all_eq: the field is present and every value is equal.</summary>
    AllEqual,
    /// <summary>~= / !== / any_ne: some value differs.</summary>
    AnyNotEqual,
    /// <summary>&lt; / lt.</summary>
    Less,
    /// <summary>&lt;= / le.</summary>
    LessOrEqual,
    /// <summary>&gt; / gt.</summary>
    Greater,
    /// <summary>&gt;= / ge.</summary>
    GreaterOrEqual,
    /// <summary>contains.</summary>
    Contains,
}
