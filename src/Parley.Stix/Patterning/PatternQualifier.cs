namespace Parley.Stix.Patterning;

/// <summary>A qualifier restricting which observations match the expression before it.</summary>
public abstract record PatternQualifier
{
    private protected PatternQualifier()
    {
    }

    /// <summary>The zero-based index in the pattern where the qualifier's keyword is.</summary>
    public required int Position { get; init; }
}

/// <summary><c>WITHIN n SECONDS</c>: all matching observations fall in a window of that length.</summary>
/// <param name="Seconds">The window, a positive integer or decimal number of seconds.</param>
public sealed record WithinQualifier(double Seconds) : PatternQualifier;

/// <summary><c>REPEATS n TIMES</c>: the expression must match that many times.</summary>
/// <param name="Times">How many times.</param>
public sealed record RepeatsQualifier(long Times) : PatternQualifier;

/// <summary><c>START t'…' STOP t'…'</c>: the observations fall between the two instants.</summary>
/// <param name="Start">The start, inclusive.</param>
/// <param name="Stop">The stop, exclusive; later than <paramref name="Start"/>.</param>
public sealed record StartStopQualifier(StixTimestamp Start, StixTimestamp Stop) : PatternQualifier;
