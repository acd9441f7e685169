using System.Globalization;

namespace Parley.Stix.Patterning;

/// <summary>The literal rules of the lexer: numbers, strings, t'…', h'…' and b'…'.</summary>
internal sealed partial class PatternLexer
{
    private bool IsNumberAhead()
    {
        var i = _pos;
        if (source[i] is '+' or '-')
        {
            i++;
        }

        if (i < source.Length && char.IsAsciiDigit(source[i]))
        {
            return true;
        }

        return i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]);
    }

    private PatternToken Number(int start)
    {
        var negative = source[_pos] == '-';
        if (source[_pos] is '+' or '-')
        {
            _pos++;
        }

        var integerStart = _pos;
        while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
        {
            _pos++;
        }

        var integerDigits = _pos - integerStart;
        if (_pos < source.Length && source[_pos] == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
            {
                _pos++;
            }

            var floatText = source[start.._pos];
            var value = double.Parse(floatText, NumberStyles.Float, CultureInfo.InvariantCulture);
            return new PatternToken(negative ? TokenKind.FloatNegative : TokenKind.FloatPositive, start, floatText, value);
        }

        var text = source[start.._pos];
        if (integerDigits > 1 && source[integerStart] == '0')
        {
            throw new StixPatternException($"integer '{text}' must not have leading zeros", start);
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            throw new StixPatternException($"integer '{text}' is out of range", start);
        }

        return new PatternToken(negative ? TokenKind.IntNegative : TokenKind.IntPositive, start, text, integer);
    }

    private PatternToken StringLiteral(int start)
    {
        var value = new System.Text.StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= source.Length)
            {
                throw new StixPatternException("unterminated string literal", start);
            }

            var c = source[_pos++];
            if (c == '\'')
            {
                return new PatternToken(TokenKind.String, start, source[start.._pos], value.ToString());
            }

            if (c == '\\')
            {
                // The grammar allows exactly two escapes: \' and \\.
                var escaped = Peek(0);
                if (escaped is not ('\'' or '\\'))
                {
                    throw new StixPatternException("invalid escape in string literal: only \\' and \\\\ are allowed", _pos - 1);
                }

                _pos++;
                value.Append(escaped);
                continue;
            }

            value.Append(c);
        }
    }

    private PatternToken TimestampLiteral(int start)
    {
        var end = source.IndexOf('\'', start + 2);
        var text = end < 0 ? null : source[(start + 2)..end];
        if (text is null || !IsPatternTimestamp(text) || !StixTimestamp.TryParse(text, out var timestamp))
        {
            throw new StixPatternException("invalid timestamp literal: expected t'YYYY-MM-DDTHH:mm:ss[.s+]Z' with a real date and time", start);
        }

        _pos = end + 1;
        return new PatternToken(TokenKind.Timestamp, start, source[start.._pos], timestamp);
    }

    private PatternToken HexLiteral(int start)
    {
        var end = source.IndexOf('\'', start + 2);
        var text = end < 0 ? null : source[(start + 2)..end];
        if (text is null || text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            throw new StixPatternException("invalid hex literal: expected h'…' with an even number of hex digits", start);
        }

        _pos = end + 1;
        return new PatternToken(TokenKind.Hex, start, source[start.._pos], Convert.FromHexString(text));
    }

    private PatternToken BinaryLiteral(int start)
    {
        var end = source.IndexOf('\'', start + 2);
        var text = end < 0 ? null : source[(start + 2)..end];
        if (text is null || !IsBase64(text))
        {
            throw new StixPatternException("invalid binary literal: expected b'…' with padded base64", start);
        }

        _pos = end + 1;
        return new PatternToken(TokenKind.Binary, start, source[start.._pos], Convert.FromBase64String(text));
    }

    private static bool IsPatternTimestamp(string text) =>
        text.Length >= 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':';

    private static bool IsBase64(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        var padding = text.EndsWith("==", StringComparison.Ordinal) ? 2 : text.EndsWith('=') ? 1 : 0;
        for (var i = 0; i < text.Length - padding; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/'))
            {
                return false;
            }
        }

        return true;
    }
}
