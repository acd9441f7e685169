namespace Parley.Stix.Patterning;

/// <summary>A comparison expression: a test of one or more properties of one observed object.</summary>
public abstract record ComparisonExpression
{
    private protected ComparisonExpression()
    {
    }

    /// <summary>The zero-based index in the pattern where the expression starts.</summary>
    public required int Position { get; init; }
}

/// <summary>Boolean operators inside a bracketed comparison expression.</summary>
public enum ComparisonJoin
{
    /// <summary><c>AND</c>.</summary>
    And,

    /// <summary><c>OR</c>.</summary>
    Or,
}

/// <summary>The comparison operators.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c> (or <c>==</c>).</summary>
    Equal,

    /// <summary><c>!=</c> (or <c>&lt;&gt;</c>).</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>IN (…)</c>: the value is one of a set.</summary>
    In,

    /// <summary><c>LIKE</c>: SQL LIKE match (<c>%</c> and <c>_</c> wildcards).</summary>
    Like,

    /// <summary><c>MATCHES</c>: PCRE regular expression match.</summary>
    Matches,

    /// <summary><c>ISSUBSET</c>: the address is inside the given CIDR range.</summary>
    IsSubset,

    /// <summary><c>ISSUPERSET</c>: the range contains the given CIDR range.</summary>
    IsSuperset,
}

/// <summary>Two comparison expressions joined by <c>AND</c> or <c>OR</c>.</summary>
/// <param name="Join">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
public sealed record CompositeComparison(ComparisonJoin Join, ComparisonExpression Left, ComparisonExpression Right)
    : ComparisonExpression;

/// <summary>A property compared with a literal, e.g. <c>file:hashes.'SHA-256' = '…'</c> or <c>file:name NOT LIKE '%.exe'</c>.</summary>
/// <param name="Path">The object path.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Negated">Whether the operator is preceded by <c>NOT</c>.</param>
/// <param name="Value">The literal (a <see cref="SetLiteral"/> for <see cref="ComparisonOperator.In"/>).</param>
public sealed record PropertyComparison(ObjectPath Path, ComparisonOperator Operator, bool Negated, PatternLiteral Value)
    : ComparisonExpression;

/// <summary><c>EXISTS object-path</c> (or <c>NOT EXISTS</c>): whether the property is present.</summary>
/// <param name="Path">The object path.</param>
/// <param name="Negated">Whether <c>NOT</c> precedes <c>EXISTS</c>.</param>
public sealed record PropertyExists(ObjectPath Path, bool Negated) : ComparisonExpression;
