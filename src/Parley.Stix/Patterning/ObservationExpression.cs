namespace Parley.Stix.Patterning;

/// <summary>An observation expression: what must be observed, possibly combined with others and qualified.</summary>
public abstract record ObservationExpression
{
    private protected ObservationExpression()
    {
    }

    /// <summary>The zero-based index in the pattern where the expression starts.</summary>
    public required int Position { get; init; }
}

/// <summary>Operators that combine two observation expressions.</summary>
public enum ObservationOperator
{
    /// <summary><c>AND</c>: both observations occur (in any order).</summary>
    And,

    /// <summary><c>OR</c>: either observation occurs.</summary>
    Or,

    /// <summary><c>FOLLOWEDBY</c>: the left observation occurs, then the right one.</summary>
    FollowedBy,
}

/// <summary>A bracketed comparison expression, e.g. <c>[ipv4-addr:value = '198.51.100.1']</c>.</summary>
/// <param name="Comparison">The comparison expression inside the brackets.</param>
public sealed record ComparisonObservation(ComparisonExpression Comparison) : ObservationExpression;

/// <summary>Two observation expressions joined by <c>AND</c>, <c>OR</c> or <c>FOLLOWEDBY</c>.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
public sealed record CompositeObservation(ObservationOperator Operator, ObservationExpression Left, ObservationExpression Right)
    : ObservationExpression;

/// <summary>An observation expression followed by a qualifier (<c>WITHIN</c>, <c>REPEATS</c>, <c>START … STOP</c>).</summary>
/// <param name="Inner">The qualified expression.</param>
/// <param name="Qualifier">The qualifier.</param>
public sealed record QualifiedObservation(ObservationExpression Inner, PatternQualifier Qualifier) : ObservationExpression;
