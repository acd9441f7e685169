namespace Parley.Stix.Patterning;

/// <summary>The comparison rules of the parser: property tests, object paths and literals.</summary>
internal sealed partial class PatternParser
{
    private ComparisonExpression PropertyTest()
    {
        var start = Current.Position;
        if (Accept(TokenKind.LeftParen))
        {
            var inner = ComparisonOr();
            Expect(TokenKind.RightParen, "')' or a boolean operator (AND, OR)");
            return inner;
        }

        if (Current.Kind == TokenKind.Exists || (Current.Kind == TokenKind.Not && tokens[_index + 1].Kind == TokenKind.Exists))
        {
            var negatedExists = Accept(TokenKind.Not);
            _index++;
            return new PropertyExists(ObjectPath(), negatedExists) { Position = start };
        }

        var path = ObjectPath();
        var negated = Accept(TokenKind.Not);
        var op = Current;
        _index++;
        return op.Kind switch
        {
            TokenKind.Equal => Compare(path, ComparisonOperator.Equal, negated, PrimitiveLiteral(allowBool: true), start),
            TokenKind.NotEqual => Compare(path, ComparisonOperator.NotEqual, negated, PrimitiveLiteral(allowBool: true), start),
            TokenKind.Less => Compare(path, ComparisonOperator.LessThan, negated, PrimitiveLiteral(allowBool: false), start),
            TokenKind.LessOrEqual => Compare(path, ComparisonOperator.LessThanOrEqual, negated, PrimitiveLiteral(allowBool: false), start),
            TokenKind.Greater => Compare(path, ComparisonOperator.GreaterThan, negated, PrimitiveLiteral(allowBool: false), start),
            TokenKind.GreaterOrEqual => Compare(path, ComparisonOperator.GreaterThanOrEqual, negated, PrimitiveLiteral(allowBool: false), start),
            TokenKind.In => Compare(path, ComparisonOperator.In, negated, Set(), start),
            TokenKind.Like => Compare(path, ComparisonOperator.Like, negated, String(), start),
            TokenKind.Matches => Compare(path, ComparisonOperator.Matches, negated, String(), start),
            TokenKind.IsSubset => Compare(path, ComparisonOperator.IsSubset, negated, String(), start),
            TokenKind.IsSuperset => Compare(path, ComparisonOperator.IsSuperset, negated, String(), start),
            _ => throw Unexpected("a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)", op),
        };
    }

    private static PropertyComparison Compare(ObjectPath path, ComparisonOperator op, bool negated, PatternLiteral value, int start) =>
        new(path, op, negated, value) { Position = start };

    private ObjectPath ObjectPath()
    {
        var start = Current.Position;
        var type = Current;
        if (type.Kind is not (TokenKind.IdentifierWithoutHyphen or TokenKind.IdentifierWithHyphen))
        {
            throw Unexpected("an object type (e.g. ipv4-addr) to start an object path");
        }

        _index++;
        Expect(TokenKind.Colon, "':' between the object type and the property");
        var steps = new List<PathStep> { new PropertyStep(PropertyName("a property name after ':'")) };
        while (true)
        {
            if (Accept(TokenKind.Dot))
            {
                steps.Add(new PropertyStep(PropertyName("a property name after '.'")));
            }
            else if (Current.Kind == TokenKind.LeftBracket)
            {
                _index++;
                var index = Current;
                _index++;
                steps.Add(index.Kind switch
                {
                    TokenKind.Asterisk => new IndexStep(null),
                    TokenKind.IntPositive or TokenKind.IntNegative => new IndexStep((long)index.Value!),
                    _ => throw Unexpected("a list index (an integer or *)", index),
                });
                Expect(TokenKind.RightBracket, "']' after the list index");
            }
            else
            {
                return new ObjectPath(type.Text, steps) { Position = start };
            }
        }
    }

    private string PropertyName(string expected)
    {
        var token = Current;
        if (token.Kind == TokenKind.IdentifierWithoutHyphen || token.Kind == TokenKind.String)
        {
            _index++;
            return token.Kind == TokenKind.String ? (string)token.Value! : token.Text;
        }

        if (token.Kind == TokenKind.IdentifierWithHyphen)
        {
            throw new StixPatternException($"property name '{token.Text}' contains '-' and must be quoted: '{token.Text}'", token.Position);
        }

        throw Unexpected(expected);
    }

    private PatternLiteral PrimitiveLiteral(bool allowBool)
    {
        var token = Current;
        _index++;
        return token.Kind switch
        {
            TokenKind.String => new StringLiteral((string)token.Value!) { Position = token.Position },
            TokenKind.IntPositive or TokenKind.IntNegative => new IntegerLiteral((long)token.Value!) { Position = token.Position },
            TokenKind.FloatPositive or TokenKind.FloatNegative => new FloatLiteral((double)token.Value!) { Position = token.Position },
            TokenKind.Timestamp => new TimestampLiteral((StixTimestamp)token.Value!) { Position = token.Position },
            TokenKind.Hex => new HexLiteral((byte[])token.Value!) { Position = token.Position },
            TokenKind.Binary => new BinaryLiteral((byte[])token.Value!) { Position = token.Position },
            TokenKind.Bool when allowBool => new BooleanLiteral((bool)token.Value!) { Position = token.Position },
            TokenKind.Bool => throw Unexpected("an orderable literal (booleans cannot be ordered)", token),
            _ => throw Unexpected("a literal (string, number, boolean, t'…', h'…' or b'…')", token),
        };
    }

    private SetLiteral Set()
    {
        var start = Expect(TokenKind.LeftParen, "'(' to start the set after IN").Position;
        var items = new List<PatternLiteral>();
        if (!Accept(TokenKind.RightParen))
        {
            do
            {
                items.Add(PrimitiveLiteral(allowBool: true));
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.RightParen, "',' or ')' in the set");
        }

        return new SetLiteral(items) { Position = start };
    }

    private StringLiteral String()
    {
        var token = Expect(TokenKind.String, "a string literal '…'");
        return new StringLiteral((string)token.Value!) { Position = token.Position };
    }
}
