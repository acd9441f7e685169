namespace Parley.Stix.Patterning;

/// <summary>A constant in a comparison.</summary>
public abstract record PatternLiteral
{
    private protected PatternLiteral()
    {
    }

    /// <summary>The zero-based index in the pattern where the literal starts.</summary>
    public required int Position { get; init; }
}

/// <summary>A string, <c>'…'</c>, with its escapes (<c>\'</c>, <c>\\</c>) decoded.</summary>
/// <param name="Value">The decoded value.</param>
public sealed record StringLiteral(string Value) : PatternLiteral;

/// <summary>An integer.</summary>
/// <param name="Value">The value.</param>
public sealed record IntegerLiteral(long Value) : PatternLiteral;

/// <summary>A decimal number such as <c>7.0</c>.</summary>
/// <param name="Value">The value.</param>
public sealed record FloatLiteral(double Value) : PatternLiteral;

/// <summary><c>true</c> or <c>false</c>.</summary>
/// <param name="Value">The value.</param>
public sealed record BooleanLiteral(bool Value) : PatternLiteral;

/// <summary>A timestamp, <c>t'2016-01-01T00:00:00Z'</c>.</summary>
/// <param name="Value">The timestamp.</param>
public sealed record TimestampLiteral(StixTimestamp Value) : PatternLiteral;

/// <summary>Binary data given as hex, <c>h'ffd8'</c>.</summary>
/// <param name="Value">The bytes.</param>
public sealed record HexLiteral(byte[] Value) : PatternLiteral
{
    /// <inheritdoc/>
    public bool Equals(HexLiteral? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.Length;
}

/// <summary>Binary data given as base64, <c>b'dGVzdA=='</c>.</summary>
/// <param name="Value">The bytes.</param>
public sealed record BinaryLiteral(byte[] Value) : PatternLiteral
{
    /// <inheritdoc/>
    public bool Equals(BinaryLiteral? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.Length;
}

/// <summary>The set after <c>IN</c>, <c>('a', 'b')</c>; possibly empty.</summary>
/// <param name="Items">The members.</param>
public sealed record SetLiteral(IReadOnlyList<PatternLiteral> Items) : PatternLiteral
{
    /// <inheritdoc/>
    public bool Equals(SetLiteral? other) => other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc/>
    public override int GetHashCode() => Items.Count;
}
