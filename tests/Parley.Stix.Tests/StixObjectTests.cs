using System.Text.Json.Nodes;

namespace Parley.Stix.Tests;

public sealed class StixObjectTests
{
    private const string WithCustomProperties = """
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created":"2016-04-06T20:03:48.123456Z","modified":"2016-04-06T20:03:48.123456Z",
         "pattern":"[ipv4-addr:value = '198.51.100.1']","pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z",
         "x_parley_score":12345678901234567890,"x_parley_ratio":1.50,"x_parley_text":"Ünïcödé \u00e9 \"quoted\" 北京",
         "x_parley_nested":{"list":[1,2.0,null,true,{"deep":"x"}],"empty":{}},
         "extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension","rank":5}},
         "x_misp_category":"Network activity"}
        """;

    [Fact]
    public void Parse_CommonProperties_AreReadFromJson()
    {
        var obj = StixObject.Parse(Samples.Indicator);

        Assert.Equal("indicator", obj.Type);
        Assert.Equal(Samples.IndicatorId, obj.Id);
        Assert.Equal("2.1", obj.SpecVersion);
        Assert.Equal("2016-04-06T20:03:48.000Z", obj.Created!.Value.Text);
        Assert.Equal(new DateTimeOffset(2016, 4, 6, 20, 3, 48, TimeSpan.Zero), obj.Modified!.Value.Instant);
        Assert.Equal(Samples.IdentityId, obj.CreatedByRef);
        Assert.Equal(["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"], obj.ObjectMarkingRefs);
        Assert.Equal(["c2"], obj.Labels);
        Assert.False(obj.Revoked);
        Assert.Equal("US-CN-2026-0042", Assert.Single(obj.ExternalReferences).ExternalId);
        Assert.Equal(StixObjectCategory.DomainObject, obj.Category);
        Assert.Equal(obj.Modified, obj.Version);
    }

    [Fact]
    public void Parse_ScoWithoutTimestamps_HasNoVersion()
    {
        var obj = StixObject.Parse(Samples.Ipv4);

        Assert.Null(obj.Created);
        Assert.Null(obj.Version);
        Assert.Empty(obj.ObjectMarkingRefs);
        Assert.Equal(StixObjectCategory.CyberObservable, obj.Category);
    }

    [Fact]
    public void ToJson_CustomAndUnknownProperties_SurviveRoundTripAsEqualJson()
    {
        var original = JsonNode.Parse(WithCustomProperties);

        var roundTripped = JsonNode.Parse(StixObject.Parse(WithCustomProperties).ToJson());

        Assert.True(JsonNode.DeepEquals(original, roundTripped), roundTripped!.ToJsonString());
    }

    [Fact]
    public void ToJson_NumbersAndPrecision_AreWrittenWithTheDigitsReceived()
    {
        var json = StixObject.Parse(WithCustomProperties).ToJson();

        Assert.Contains("\"x_parley_score\":12345678901234567890", json);
        Assert.Contains("\"x_parley_ratio\":1.50", json);
        Assert.Contains("\"created\":\"2016-04-06T20:03:48.123456Z\"", json);
        Assert.Contains("北京", json);
    }

    [Fact]
    public void ToJson_PropertyOrder_IsKept()
    {
        var obj = StixObject.Parse(WithCustomProperties);

        var names = JsonNode.Parse(obj.ToJson())!.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(obj.Raw.Select(p => p.Key), names);
        Assert.Equal("x_misp_category", names[^1]);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"indicator\"")]
    [InlineData("{\"type\": \"indicator\",")]
    [InlineData("{\"type\": \"a\", \"type\": \"b\"}")]
    public void Parse_NotAJsonObject_ThrowsStixFormatException(string json)
    {
        Assert.Throws<StixFormatException>(() => StixObject.Parse(json));
    }

    [Fact]
    public void Indexer_CustomProperty_ReturnsItsValue()
    {
        var obj = StixObject.Parse(WithCustomProperties);

        Assert.Equal("Network activity", obj["x_misp_category"]!.GetValue<string>());
        Assert.Null(obj["x_absent"]);
    }

    [Fact]
    public void DeepClone_ChangingTheCopy_LeavesTheOriginal()
    {
        var original = StixObject.Parse(Samples.Identity);

        var copy = original.DeepClone();
        copy.Raw["name"] = "changed";

        Assert.Equal("Ministry of Interior CERT", original["name"]!.GetValue<string>());
    }
}
