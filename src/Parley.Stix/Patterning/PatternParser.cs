namespace Parley.Stix.Patterning;

/// <summary>
/// Recursive-descent parser for the STIX 2.1 patterning grammar (STIXPattern.g4): the grammar's
/// left-recursive rules become loops, with the same precedence (FOLLOWEDBY lowest, then OR, then AND).
/// </summary>
internal sealed partial class PatternParser(IReadOnlyList<PatternToken> tokens, int sourceLength)
{
    private int _index;

    private PatternToken Current => tokens[_index];

    public ObservationExpression ParsePattern()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw new StixPatternException("the pattern is empty", 0);
        }

        var root = ObservationExpressions();
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected("an observation operator (AND, OR, FOLLOWEDBY), a qualifier or the end of the pattern");
        }

        return root;
    }

    private ObservationExpression ObservationExpressions()
    {
        var left = ObservationOr();
        while (Accept(TokenKind.FollowedBy))
        {
            left = new CompositeObservation(ObservationOperator.FollowedBy, left, ObservationOr()) { Position = left.Position };
        }

        return left;
    }

    private ObservationExpression ObservationOr()
    {
        var left = ObservationAnd();
        while (Accept(TokenKind.Or))
        {
            left = new CompositeObservation(ObservationOperator.Or, left, ObservationAnd()) { Position = left.Position };
        }

        return left;
    }

    private ObservationExpression ObservationAnd()
    {
        var left = QualifiedObservation();
        while (Accept(TokenKind.And))
        {
            left = new CompositeObservation(ObservationOperator.And, left, QualifiedObservation()) { Position = left.Position };
        }

        return left;
    }

    private ObservationExpression QualifiedObservation()
    {
        var expression = PrimaryObservation();
        var seen = new HashSet<Type>();
        while (Current.Kind is TokenKind.Within or TokenKind.Repeats or TokenKind.Start)
        {
            var qualifier = Qualifier();
            if (!seen.Add(qualifier.GetType()))
            {
                // STIX 2.1 §9.6: an observation expression MUST NOT have more than one qualifier of a type.
                throw new StixPatternException($"duplicate {QualifierName(qualifier)} qualifier on the same observation expression", qualifier.Position);
            }

            expression = new QualifiedObservation(expression, qualifier) { Position = expression.Position };
        }

        return expression;
    }

    private ObservationExpression PrimaryObservation()
    {
        var start = Current.Position;
        if (Accept(TokenKind.LeftBracket))
        {
            var comparison = ComparisonOr();
            Expect(TokenKind.RightBracket, "']' or a boolean operator (AND, OR)");
            return new ComparisonObservation(comparison) { Position = start };
        }

        if (Accept(TokenKind.LeftParen))
        {
            var inner = ObservationExpressions();
            Expect(TokenKind.RightParen, "')' or an observation operator");
            return inner;
        }

        throw Unexpected("'[' or '(' to start an observation expression");
    }

    private PatternQualifier Qualifier()
    {
        var start = Current.Position;
        if (Accept(TokenKind.Within))
        {
            var amount = Current;
            if (amount.Kind is not (TokenKind.IntPositive or TokenKind.FloatPositive))
            {
                throw Unexpected("a positive number of seconds after WITHIN");
            }

            _index++;
            Expect(TokenKind.Seconds, "SECONDS");
            var seconds = amount.Value is long l ? l : (double)amount.Value!;
            return new WithinQualifier(seconds) { Position = start };
        }

        if (Accept(TokenKind.Repeats))
        {
            var count = Expect(TokenKind.IntPositive, "a positive integer after REPEATS");
            Expect(TokenKind.Times, "TIMES");
            return new RepeatsQualifier((long)count.Value!) { Position = start };
        }

        Expect(TokenKind.Start, "START");
        var from = Expect(TokenKind.Timestamp, "a timestamp literal t'…' after START");
        Expect(TokenKind.Stop, "STOP");
        var to = Expect(TokenKind.Timestamp, "a timestamp literal t'…' after STOP");
        var startTime = (StixTimestamp)from.Value!;
        var stopTime = (StixTimestamp)to.Value!;
        if (stopTime <= startTime)
        {
            throw new StixPatternException("the STOP timestamp must be later than the START timestamp", to.Position);
        }

        return new StartStopQualifier(startTime, stopTime) { Position = start };
    }

    private ComparisonExpression ComparisonOr()
    {
        var left = ComparisonAnd();
        while (Accept(TokenKind.Or))
        {
            left = new CompositeComparison(ComparisonJoin.Or, left, ComparisonAnd()) { Position = left.Position };
        }

        return left;
    }

    private ComparisonExpression ComparisonAnd()
    {
        var left = PropertyTest();
        while (Accept(TokenKind.And))
        {
            left = new CompositeComparison(ComparisonJoin.And, left, PropertyTest()) { Position = left.Position };
        }

        return left;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private PatternToken Expect(TokenKind kind, string expected)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw Unexpected(expected);
        }

        _index++;
        return token;
    }

    private StixPatternException Unexpected(string expected) => Unexpected(expected, Current);

    private StixPatternException Unexpected(string expected, PatternToken found) =>
        found.Kind == TokenKind.End
            ? new StixPatternException($"unexpected end of pattern, expected {expected}", sourceLength)
            : new StixPatternException($"unexpected '{found.Text}', expected {expected}", found.Position);

    private static string QualifierName(PatternQualifier qualifier) => qualifier switch
    {
        WithinQualifier => "WITHIN",
        RepeatsQualifier => "REPEATS",
        _ => "START/STOP",
    };
}
