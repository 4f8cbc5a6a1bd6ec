namespace NetCourse.Dissection;

/// <summary>The kinds of token of a display filter (internal to the filter reader).</summary>
internal enum FilterTokenKind
{
    Word,
    String,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Range,
    And,
    Or,
    Not,
    Relation,
    BitAnd,
    In,
    Contains,
    Matches,
    End,
}
