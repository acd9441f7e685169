using Parley.Stix.Patterning;

namespace Parley.Stix.Tests.Patterning;

public sealed class StixPatternInvalidTests
{
    /// <summary>
    /// Bad patterns, the text at which the error must be reported (its first occurrence; its last
    /// when written ^text; the end of the pattern for &lt;end&gt;), and words of the message.
    /// The first thirteen are the failing cases of cti-pattern-validator's STIX 2.1 tests.
    /// </summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "file:size = 1280", "file", "'[' or '('" },
        { "[file:size = ]", "]", "literal" },
        { "[file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f]", "cead3f", "literal" },
        { "[file.size = 1280]", ".size", "':'" },
        { @"[file:name MATCHES /.*\.dll/]", "/", "unexpected character" },
        { "[win-registry-key:key = 'hkey'] WITHIN ]", "^]", "positive number" },
        { "[win-registry-key:key = 'hkey'] WITHIN 5 HOURS", "HOURS", "SECONDS" },
        { "[win-registry-key:key = 'hkey'] WITHIN -5 SECONDS", "-5", "positive number" },
        { "[network-traffic:dst_ref.value ISSUBSET ]", "]", "string literal" },
        { "[file:hashes.MD5 =? 'cead3f77f6cda6ec00f57d76c9a6879f']", "?", "unexpected character" },
        { "[x_whatever:detected == t'2457-73-22T32:81:84.1Z']", "t'", "timestamp" },
        { "[artifact:payload_bin = b'====']", "b'", "base64" },
        { "[foo:bar=1] within 2 seconds", "within", "end of the pattern" },
        { "[file:hashes.'SHA-256' = 'f00']", "'f00'", "SHA-256" },
        { "[a-b:c = 'x'] WITHIN 5 SECONDS WITHIN 6 SECONDS", "WITHIN 6", "duplicate WITHIN" },
        { "([a-b:c = 'x'] REPEATS 2 TIMES REPEATS 3 TIMES)", "REPEATS 3", "duplicate REPEATS" },
        { "[a-b:c = 'x'] START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z' START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z'", "^START", "duplicate START/STOP" },
        { "[a-b:c = 'x'] START t'2016-06-01T02:00:00Z' STOP t'2016-06-01T01:00:00Z'", "t'2016-06-01T01", "later than the START" },
        { "[a-b:c = 'x'] START '2016-06-01T01:00:00Z' STOP '2016-06-01T02:00:00Z'", "'2016", "timestamp literal" },
        { "[file:extensions.windows-pebinary-ext.sections[*].entropy > 7.0]", "windows-pebinary-ext", "must be quoted" },
        { "[file:name = 'abc]", "'abc", "unterminated string" },
        { @"[file:name = 'a\nb']", @"\n", "invalid escape" },
        { "[file:name = 'a'] AND", "<end>", "unexpected end" },
        { "[file:name = 'a'] and [file:name = 'b']", "and", "end of the pattern" },
        { "[file:name = true", "<end>", "']'" },
        { "[file:size > true]", "true", "booleans cannot be ordered" },
        { "[file:name LIKE 5]", "5", "string literal" },
        { "[file:size = 007]", "007", "leading zeros" },
        { "[file:name = h'abc']", "h'", "hex" },
        { "[file:size IN (1, 2]", "]", "',' or ')'" },
        { "[file:x[1.5] = 1]", "1.5", "list index" },
        { "[]", "]", "object type" },
        { "", "<end>", "empty" },
        { "[file:name = 'a'] /* never closed", "/*", "unterminated comment" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_InvalidPattern_ThrowsWithPosition(string pattern, string at, string messagePart)
    {
        var expected = at == "<end>" ? pattern.Length
            : at.StartsWith('^') ? pattern.LastIndexOf(at[1..], StringComparison.Ordinal)
            : pattern.IndexOf(at, StringComparison.Ordinal);
        Assert.True(expected >= 0, $"test data: '{at}' is not in the pattern");

        var error = Assert.Throws<StixPatternException>(() => StixPattern.Parse(pattern));

        Assert.True(error.Position == expected, $"expected position {expected}, got {error.Position}: {error.Message}");
        Assert.Contains(messagePart, error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith($"(at position {expected})", error.Message);
    }

    [Fact]
    public void TryParse_InvalidPattern_ReturnsFalseAndTheError()
    {
        Assert.False(StixPattern.TryParse("[file:size = ]", out var result, out var error));
        Assert.Null(result);
        Assert.Equal(13, error!.Position);
    }
}
