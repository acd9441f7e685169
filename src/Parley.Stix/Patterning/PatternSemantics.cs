using System.Collections.Frozen;

namespace Parley.Stix.Patterning;

/// <summary>Checks a parse tree for rules of STIX 2.1 that the grammar does not express.</summary>
internal static class PatternSemantics
{
    // Hex digits per value for the hash algorithms of the STIX 2.1 hash-algorithm-ov vocabulary.
    private static readonly FrozenDictionary<string, int> HashLengths = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["MD5"] = 32, ["SHA-1"] = 40, ["SHA-256"] = 64, ["SHA-512"] = 128,
        ["SHA3-256"] = 64, ["SHA3-512"] = 128,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static void Check(ObservationExpression root)
    {
        foreach (var comparison in Comparisons(root))
        {
            if (comparison is PropertyComparison { Operator: ComparisonOperator.Equal or ComparisonOperator.NotEqual } c &&
                c.Value is StringLiteral text && HashAlgorithm(c.Path) is { } algorithm &&
                HashLengths.TryGetValue(algorithm, out var length) &&
                (text.Value.Length != length || !text.Value.All(char.IsAsciiHexDigit)))
            {
                throw new StixPatternException($"'{text.Value}' is not a valid {algorithm} hash ({length} hex digits)", text.Position);
            }
        }
    }

    public static IEnumerable<ComparisonExpression> Comparisons(ObservationExpression expression)
    {
        var pending = new Stack<object>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case CompositeObservation o: pending.Push(o.Right); pending.Push(o.Left); break;
                case QualifiedObservation q: pending.Push(q.Inner); break;
                case ComparisonObservation c: pending.Push(c.Comparison); break;
                case CompositeComparison c: pending.Push(c.Right); pending.Push(c.Left); break;
                case ComparisonExpression leaf: yield return leaf; break;
            }
        }
    }

    // "hashes.<algorithm>" as the last two steps: file:hashes.MD5, artifact:hashes.'SHA-256',
    // file:extensions.'ntfs-ext'.alternate_data_streams[0].hashes.'SHA-1', …
    private static string? HashAlgorithm(ObjectPath path) =>
        path.Steps.Count >= 2 && path.Steps[^2] is PropertyStep { Name: "hashes" } && path.Steps[^1] is PropertyStep algorithm
            ? algorithm.Name
            : null;
}
