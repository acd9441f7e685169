using Parley.Stix.Patterning;

namespace Parley.Stix.Tests.Patterning;

public sealed class StixPatternValidTests
{
    /// <summary>
    /// The STIX 2.1 patterning examples (oasis-open/cti-pattern-validator stix2patterns/test/spec_examples.txt),
    /// with property names containing '-' quoted as the 2.1 grammar requires.
    /// </summary>
    public static TheoryData<string> SpecExamples => new()
    {
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        @"[email-message:from_ref.value MATCHES '.+\\@example\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\.exe$']",
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:mime_type = 'application/x-pdf']",
        "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        @"([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar']) WITHIN 300 SECONDS",
        "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008' AND user-account:account_login = 'Paul'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1009' AND user-account:account_login = 'Mary']",
        @"[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\xd4\\xc3\\xb2\\xa1\\x02\\x00\\x04\\x00']",
        @"[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\Windows\\System32']",
        "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
        "[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']",
        "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
        "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
        "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
        "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
        "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
        @"[windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\CryptoLocker\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\Microsoft\\CurrentVersion\\Run\\CryptoLocker_0388']",
        "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
        "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
        "[x-usb-device:usbdrive.serial_number = '575833314133343231313937']",
        "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES'^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
        "[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']",
        @"([file:name = 'foo.dll'] AND [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar']) OR [process:name = 'fooproc' OR process:name = 'procfoo']",
    };

    /// <summary>The passing cases of cti-pattern-validator's STIX 2.1 tests, and the other operators and literals.</summary>
    public static TheoryData<string> OtherValid => new()
    {
        "[file:size = 1280]", "[file:size != 1280]", "[file:size < 1024]", "[file:size <= 1024]",
        "[file:size > 1024]", "[file:size >= 1024]", "[file:size <> 1024]", "[file:size == 1024]",
        "[file:extended_properties.'ntfs-ext'.sid = '234']",
        "[ipv4-addr:value ISSUBSET '192.168.0.1/24']", "[ipv4-addr:value NOT ISSUBSET '192.168.0.1/24']",
        "[ipv4-addr:value ISSUPERSET '192.168.0.1/32']",
        "[user-account:value = 'Peter'] AND [user-account:value != 'Paul'] AND [user-account:value = 'Mary'] WITHIN 5 SECONDS",
        "[file:file_system_properties.file_name LIKE 'name%']", "[file:name NOT LIKE '%.exe']",
        "[file:file_name IN ('test.txt', 'test2.exe', 'README')]", "[file:size IN (1024, 2048, 4096)]", "[file:size IN ()]",
        "[network-connection:extended_properties[0].source_payload MATCHES 'dGVzdHRlc3R0ZXN0']",
        "[x_whatever:detected == t'2018-03-22T12:11:14.1Z']", "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
        "[foo:bar=1] REPEATS 9 TIMES", "[network-traffic:start = '2018-04-20T12:36:24.558Z']",
        "( [(network-traffic:dst_port IN(443,6443,8443) AND network-traffic:src_packets != 0) ])",
        "([win-registry-key:key = 'hkey'] REPEATS 2 TIMES) REPEATS 2 TIMES",
        "[network-traffic:src_port = 37020 AND user-account:user_id = 'root'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' OR [ipv4-addr:value = '192.168.122.83'] START t'2016-06-01T03:55:00.123Z' STOP t'2016-06-01T04:30:24.743Z'",
        "[file:x_flag = true] WITHIN 0.5 SECONDS", "[file:x_temp < -3] AND [file:x_delta >= -.5]",
        "[file:x_list[-1] = +7]", "[x-acme:'quoted key'.'it''s' = 'x']".Replace("''", "\\'"),
        "[file:name EXISTS]".Replace("file:name EXISTS", "EXISTS file:name"), "[NOT EXISTS file:hashes.MD5]",
        "/* leading comment */ [file:name = 'a'] // trailing comment",
        "[file:name = 'a']\n\tFOLLOWEDBY\r\n[file:name = 'b']",
    };

    [Theory]
    [MemberData(nameof(SpecExamples))]
    [MemberData(nameof(OtherValid))]
    public void Parse_ValidPattern_ReturnsTree(string pattern)
    {
        var parsed = StixPattern.Parse(pattern);

        Assert.Equal(pattern, parsed.Text);
        Assert.NotEmpty(parsed.ObjectPaths());
    }

    [Fact]
    public void Parse_ObservationOperators_FollowGrammarPrecedence()
    {
        var root = StixPattern.Parse("[a-b:c = 1] OR [a-b:c = 2] AND [a-b:c = 3] FOLLOWEDBY [a-b:c = 4]").Root;

        var followedBy = Assert.IsType<CompositeObservation>(root);
        Assert.Equal(ObservationOperator.FollowedBy, followedBy.Operator);
        var or = Assert.IsType<CompositeObservation>(followedBy.Left);
        Assert.Equal(ObservationOperator.Or, or.Operator);
        Assert.Equal(ObservationOperator.And, Assert.IsType<CompositeObservation>(or.Right).Operator);
    }

    [Fact]
    public void Parse_Qualifiers_WrapInOrder()
    {
        var root = StixPattern.Parse("[a-b:c = 1] REPEATS 5 TIMES WITHIN 1800 SECONDS").Root;

        var within = Assert.IsType<QualifiedObservation>(root);
        Assert.Equal(1800, Assert.IsType<WithinQualifier>(within.Qualifier).Seconds);
        var repeats = Assert.IsType<QualifiedObservation>(within.Inner);
        Assert.Equal(5, Assert.IsType<RepeatsQualifier>(repeats.Qualifier).Times);
    }

    [Fact]
    public void Parse_StartStop_KeepsTimestamps()
    {
        var root = StixPattern.Parse("[a-b:c = 1] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00Z'").Root;

        var qualifier = Assert.IsType<StartStopQualifier>(Assert.IsType<QualifiedObservation>(root).Qualifier);
        Assert.Equal("2016-06-01T01:30:00.123Z", qualifier.Start.Text);
        Assert.Equal("2016-06-01T02:20:00Z", qualifier.Stop.Text);
    }

    [Fact]
    public void Parse_ObjectPath_HasPropertyAndIndexSteps()
    {
        var comparison = Comparison("[email-message:body_multipart[*].body_raw_ref.'x-name'[2] = 'a']");

        Assert.Equal("email-message", comparison.Path.ObjectType);
        Assert.Equal(
            [new PropertyStep("body_multipart"), new IndexStep(null), new PropertyStep("body_raw_ref"), new PropertyStep("x-name"), new IndexStep(2)],
            comparison.Path.Steps);
        Assert.Equal("email-message:body_multipart[*].body_raw_ref.'x-name'[2]", comparison.Path.ToString());
    }

    [Fact]
    public void Parse_StringEscapes_AreDecoded()
    {
        var literal = Assert.IsType<StringLiteral>(Comparison(@"[file:name = 'it\'s C:\\temp']").Value);

        Assert.Equal(@"it's C:\temp", literal.Value);
    }

    [Fact]
    public void Parse_Literals_HaveTheirTypes()
    {
        Assert.Equal([0xff, 0xd8], Assert.IsType<HexLiteral>(Comparison("[file:magic_number_hex = h'ffd8']").Value).Value);
        Assert.Equal("test"u8.ToArray(), Assert.IsType<BinaryLiteral>(Comparison("[artifact:payload_bin = b'dGVzdA==']").Value).Value);
        Assert.True(Assert.IsType<BooleanLiteral>(Comparison("[file:x_flag = true]").Value).Value);
        Assert.Equal(-42, Assert.IsType<IntegerLiteral>(Comparison("[file:x_n = -42]").Value).Value);
        Assert.Equal(7.25, Assert.IsType<FloatLiteral>(Comparison("[file:x_f = 7.25]").Value).Value);
        Assert.Equal("2014-01-13T07:03:17Z", Assert.IsType<TimestampLiteral>(Comparison("[file:ctime = t'2014-01-13T07:03:17Z']").Value).Value.Text);
        var set = Assert.IsType<SetLiteral>(Comparison("[file:size IN (1, 'two', 3.0)]").Value);
        Assert.Equal(3, set.Items.Count);
    }

    [Fact]
    public void Parse_NotBeforeOperator_SetsNegated()
    {
        var comparison = Comparison("[file:name NOT MATCHES '^a']");

        Assert.True(comparison.Negated);
        Assert.Equal(ComparisonOperator.Matches, comparison.Operator);
    }

    [Fact]
    public void Parse_Exists_ReturnsPropertyExists()
    {
        var root = Assert.IsType<ComparisonObservation>(StixPattern.Parse("[NOT EXISTS file:hashes.MD5]").Root);

        var exists = Assert.IsType<PropertyExists>(root.Comparison);
        Assert.True(exists.Negated);
        Assert.Equal("file:hashes.MD5", exists.Path.ToString());
    }

    private static PropertyComparison Comparison(string pattern) =>
        Assert.IsType<PropertyComparison>(Assert.IsType<ComparisonObservation>(StixPattern.Parse(pattern).Root).Comparison);
}
