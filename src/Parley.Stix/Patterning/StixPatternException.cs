namespace Parley.Stix.Patterning;

/// <summary>A pattern that does not parse: what is wrong and at which character.</summary>
public sealed class StixPatternException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What is wrong, without the position.</param>
    /// <param name="position">The zero-based index of the character in the pattern where the problem is.</param>
    public StixPatternException(string reason, int position)
        : base($"{reason} (at position {position})")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The zero-based index of the character in the pattern where the problem is (the pattern's length for an unexpected end).</summary>
    public int Position { get; }
}
