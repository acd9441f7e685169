namespace Parley.Stix.Patterning;

internal enum TokenKind
{
    End,
    IdentifierWithoutHyphen,
    IdentifierWithHyphen,
    IntPositive,
    IntNegative,
    FloatPositive,
    FloatNegative,
    String,
    Bool,
    Timestamp,
    Hex,
    Binary,

    // Keywords (upper case, as the grammar spells them).
    And,
    Or,
    Not,
    FollowedBy,
    Like,
    Matches,
    IsSuperset,
    IsSubset,
    Exists,
    In,
    Start,
    Stop,
    Seconds,
    Within,
    Repeats,
    Times,

    // Punctuation and operators.
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Colon,
    Dot,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Asterisk,
}

/// <summary>One token: its kind, where it starts, its source text and, for literals, its decoded value.</summary>
internal readonly record struct PatternToken(TokenKind Kind, int Position, string Text, object? Value = null);
