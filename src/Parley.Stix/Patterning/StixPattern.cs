namespace Parley.Stix.Patterning;

/// <summary>
/// A parsed STIX 2.1 pattern (the <c>pattern</c> of an indicator whose <c>pattern_type</c> is
/// <c>stix</c>), following the OASIS STIXPattern.g4 grammar.
/// </summary>
/// <remarks>
/// <para>
/// Beyond the grammar, parsing rejects what STIX 2.1 forbids and a grammar cannot express: two
/// qualifiers of one kind on the same observation expression, a <c>STOP</c> not later than its
/// <c>START</c>, timestamps that are not real dates, and hash values of the wrong length for
/// the well-known algorithms (<c>file:hashes.'SHA-256' = 'f00'</c>).
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class StixPattern
{
    private StixPattern(string text, ObservationExpression root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>The root of the syntax tree.</summary>
    public ObservationExpression Root { get; }

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The pattern, e.g. <c>[ipv4-addr:value = '198.51.100.1/32']</c>.</param>
    /// <returns>The parsed pattern.</returns>
    /// <exception cref="StixPatternException">The pattern does not parse; <see cref="StixPatternException.Position"/> says where.</exception>
    public static StixPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var tokens = new PatternLexer(pattern).Tokenize();
        var root = new PatternParser(tokens, pattern.Length).ParsePattern();
        PatternSemantics.Check(root);
        return new StixPattern(pattern, root);
    }

    /// <summary>Tries to parse a pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="result">The parsed pattern, when it parses.</param>
    /// <param name="error">What is wrong and where, when it does not.</param>
    /// <returns>Whether the pattern parses.</returns>
    public static bool TryParse(string? pattern, out StixPattern? result, out StixPatternException? error)
    {
        result = null;
        error = null;
        if (pattern is null)
        {
            error = new StixPatternException("the pattern is missing", 0);
            return false;
        }

        try
        {
            result = Parse(pattern);
            return true;
        }
        catch (StixPatternException ex)
        {
            error = ex;
            return false;
        }
    }

    /// <summary>Every object path used in the pattern, in order of appearance.</summary>
    /// <returns>The paths.</returns>
    public IReadOnlyList<ObjectPath> ObjectPaths()
    {
        var paths = new List<ObjectPath>();
        foreach (var comparison in PatternSemantics.Comparisons(Root))
        {
            switch (comparison)
            {
                case PropertyComparison c: paths.Add(c.Path); break;
                case PropertyExists e: paths.Add(e.Path); break;
            }
        }

        return paths;
    }

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The pattern as given.</returns>
    public override string ToString() => Text;
}
