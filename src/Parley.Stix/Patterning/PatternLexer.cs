namespace Parley.Stix.Patterning;

/// <summary>Splits a pattern into tokens following the lexer rules of the STIX 2.1 grammar (STIXPattern.g4).</summary>
internal sealed partial class PatternLexer(string source)
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["AND"] = TokenKind.And, ["OR"] = TokenKind.Or, ["NOT"] = TokenKind.Not,
        ["FOLLOWEDBY"] = TokenKind.FollowedBy, ["LIKE"] = TokenKind.Like, ["MATCHES"] = TokenKind.Matches,
        ["ISSUPERSET"] = TokenKind.IsSuperset, ["ISSUBSET"] = TokenKind.IsSubset, ["EXISTS"] = TokenKind.Exists,
        ["IN"] = TokenKind.In, ["START"] = TokenKind.Start, ["STOP"] = TokenKind.Stop,
        ["SECONDS"] = TokenKind.Seconds, ["WITHIN"] = TokenKind.Within, ["REPEATS"] = TokenKind.Repeats,
        ["TIMES"] = TokenKind.Times,
    };

    private int _pos;

    public List<PatternToken> Tokenize()
    {
        var tokens = new List<PatternToken>();
        while (true)
        {
            SkipWhitespaceAndComments();
            if (_pos >= source.Length)
            {
                tokens.Add(new PatternToken(TokenKind.End, _pos, string.Empty));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private PatternToken Next()
    {
        var start = _pos;
        var c = source[_pos];
        if (Peek(1) == '\'' && c is 't' or 'h' or 'b')
        {
            return c switch
            {
                't' => TimestampLiteral(start),
                'h' => HexLiteral(start),
                _ => BinaryLiteral(start),
            };
        }

        if (c == '\'')
        {
            return StringLiteral(start);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            return Word(start);
        }

        if (char.IsAsciiDigit(c) || (c is '+' or '-' or '.' && IsNumberAhead()))
        {
            return Number(start);
        }

        _pos++;
        switch (c)
        {
            case '=': if (Peek(0) == '=') { _pos++; } return Token(TokenKind.Equal, start);
            case '!' when Peek(0) == '=': _pos++; return Token(TokenKind.NotEqual, start);
            case '<' when Peek(0) == '>': _pos++; return Token(TokenKind.NotEqual, start);
            case '<' when Peek(0) == '=': _pos++; return Token(TokenKind.LessOrEqual, start);
            case '<': return Token(TokenKind.Less, start);
            case '>' when Peek(0) == '=': _pos++; return Token(TokenKind.GreaterOrEqual, start);
            case '>': return Token(TokenKind.Greater, start);
            case ':': return Token(TokenKind.Colon, start);
            case '.': return Token(TokenKind.Dot, start);
            case ',': return Token(TokenKind.Comma, start);
            case '(': return Token(TokenKind.LeftParen, start);
            case ')': return Token(TokenKind.RightParen, start);
            case '[': return Token(TokenKind.LeftBracket, start);
            case ']': return Token(TokenKind.RightBracket, start);
            case '*': return Token(TokenKind.Asterisk, start);
            default: throw new StixPatternException($"unexpected character '{c}'", start);
        }
    }

    private PatternToken Word(int start)
    {
        var hyphen = false;
        _pos++;
        while (_pos < source.Length && (char.IsAsciiLetterOrDigit(source[_pos]) || source[_pos] is '_' or '-'))
        {
            hyphen |= source[_pos] == '-';
            _pos++;
        }

        var text = source[start.._pos];
        if (Keywords.TryGetValue(text, out var keyword))
        {
            return Token(keyword, start);
        }

        if (text is "true" or "false")
        {
            return new PatternToken(TokenKind.Bool, start, text, text == "true");
        }

        return new PatternToken(hyphen ? TokenKind.IdentifierWithHyphen : TokenKind.IdentifierWithoutHyphen, start, text);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < source.Length)
        {
            var c = source[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = source.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new StixPatternException("unterminated comment", _pos);
                }

                _pos = end + 2;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_pos < source.Length && source[_pos] is not ('\r' or '\n'))
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int offset) => _pos + offset < source.Length ? source[_pos + offset] : '\0';

    private PatternToken Token(TokenKind kind, int start) => new(kind, start, source[start.._pos]);
}
