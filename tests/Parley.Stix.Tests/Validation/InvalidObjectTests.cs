using System.Text.Json.Nodes;
using Parley.Stix.Validation;

namespace Parley.Stix.Tests.Validation;

public sealed class InvalidObjectTests
{
    private static IReadOnlyList<StixValidationError> Errors(string json, Action<JsonObject> change) =>
        StixValidator.Validate(Samples.With(json, change));

    private static void AssertError(IReadOnlyList<StixValidationError> errors, string path, string fragment) =>
        Assert.True(
            errors.Any(e => e.Path == path && e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)),
            $"expected an error at {path} containing '{fragment}', got: {string.Join("; ", errors)}");

    [Theory]
    [InlineData("indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "type--UUID")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-938f", "RFC 4122")]
    [InlineData("indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f", "RFC 4122")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f", "RFC 4122")]
    [InlineData("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "not a valid STIX type name")]
    [InlineData("malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "must equal the object's type")]
    public void Validate_BadId_ReportsIdPath(string id, string fragment)
    {
        var errors = Errors(Samples.Indicator, o => o["id"] = id);

        AssertError(errors, "$.id", fragment);
    }

    [Fact]
    public void Validate_IdNotAString_ReportsIdPath()
    {
        AssertError(Errors(Samples.Identity, o => o["id"] = 42), "$.id", "must be a string");
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.2")]
    public void Validate_WrongSpecVersion_ReportsSpecVersion(string version)
    {
        AssertError(Errors(Samples.Identity, o => o["spec_version"] = version), "$.spec_version", "must be \"2.1\"");
    }

    [Fact]
    public void Validate_SdoWithoutSpecVersion_ReportsSpecVersion()
    {
        AssertError(Errors(Samples.Identity, o => o.Remove("spec_version")), "$.spec_version", "required");
    }

    [Fact]
    public void Validate_ScoWithoutSpecVersion_IsValid()
    {
        Assert.Empty(Errors(Samples.Ipv4, o => o.Remove("spec_version")));
    }

    [Theory]
    [InlineData("created")]
    [InlineData("modified")]
    public void Validate_SdoWithoutCreatedOrModified_ReportsRequired(string property)
    {
        AssertError(Errors(Samples.IntrusionSet, o => o.Remove(property)), $"$.{property}", "is required for an intrusion-set");
    }

    [Theory]
    [InlineData("2016-04-06 20:03:48.000Z", "RFC 3339")]
    [InlineData("2016-04-06T20:03:48.000+02:00", "RFC 3339")]
    [InlineData("2016-02-30T20:03:48.000Z", "RFC 3339")]
    [InlineData("2016-04-06T20:03:48Z", "millisecond")]
    [InlineData("2016-04-06T20:03:48.1Z", "millisecond")]
    public void Validate_BadCreated_ReportsCreated(string created, string fragment)
    {
        AssertError(Errors(Samples.Indicator, o => o["created"] = created), "$.created", fragment);
    }

    [Fact]
    public void Validate_ModifiedBeforeCreated_ReportsModified()
    {
        var errors = Errors(Samples.Indicator, o => o["modified"] = "2016-04-06T20:03:47.999Z");

        AssertError(errors, "$.modified", "later than or equal to created");
    }

    [Fact]
    public void Validate_ModifiedEqualToCreatedAtHigherPrecision_IsValid()
    {
        Assert.Empty(Errors(Samples.Indicator, o => o["modified"] = "2016-04-06T20:03:48.000000Z"));
    }

    [Theory]
    [InlineData("created_by_ref", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "an identity")]
    [InlineData("created_by_ref", "identity-311b2d2d", "type--UUID")]
    public void Validate_CreatedByRefOfWrongType_ReportsPath(string property, string value, string fragment)
    {
        AssertError(Errors(Samples.Indicator, o => o[property] = value), $"$.{property}", fragment);
    }

    [Fact]
    public void Validate_ObjectMarkingRefToIdentity_ReportsElementPath()
    {
        var errors = Errors(Samples.Indicator, o => o["object_marking_refs"] = new JsonArray(Samples.IdentityId));

        AssertError(errors, "$.object_marking_refs[0]", "a marking-definition");
    }

    [Fact]
    public void Validate_EmptyObjectMarkingRefs_ReportsPath()
    {
        AssertError(Errors(Samples.Indicator, o => o["object_marking_refs"] = new JsonArray()), "$.object_marking_refs", "non-empty list");
    }

    [Theory]
    [InlineData("relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad")]
    [InlineData("ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd")]
    [InlineData("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421")]
    public void Validate_SightingOfNonSdo_ReportsSightingOfRef(string target)
    {
        AssertError(Errors(Samples.Sighting, o => o["sighting_of_ref"] = target), "$.sighting_of_ref", "an SDO");
    }

    [Fact]
    public void Validate_WhereSightedRefToIndicator_ReportsElementPath()
    {
        var errors = Errors(Samples.Sighting, o => o["where_sighted_refs"] = new JsonArray(Samples.IdentityId, Samples.IndicatorId));

        AssertError(errors, "$.where_sighted_refs[1]", "one of identity, location");
    }

    [Fact]
    public void Validate_RelationshipToMarkingDefinition_ReportsTargetRef()
    {
        var errors = Errors(Samples.Relationship, o => o["target_ref"] = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");

        AssertError(errors, "$.target_ref", "an SDO or SCO");
    }

    [Fact]
    public void Validate_ObservedDataObjectRefsToSdo_ReportsElementPath()
    {
        var errors = Errors(Samples.ObservedData, o => o["object_refs"] = new JsonArray(Samples.Ipv4Id, Samples.IndicatorId));

        AssertError(errors, "$.object_refs[1]", "an SCO or SRO");
    }

    [Fact]
    public void Validate_NestedRefOfWrongType_ReportsNestedPath()
    {
        var errors = Errors(Samples.Indicator, o => o["granular_markings"] = new JsonArray(
            new JsonObject { ["selectors"] = new JsonArray("name"), ["marking_ref"] = Samples.IdentityId }));

        AssertError(errors, "$.granular_markings[0].marking_ref", "a marking-definition");
    }

    [Fact]
    public void Validate_IndicatorWithoutPatternType_ReportsRequired()
    {
        AssertError(Errors(Samples.Indicator, o => o.Remove("pattern_type")), "$.pattern_type", "required");
    }

    [Fact]
    public void Validate_IndicatorWithUnparsablePattern_ReportsPatternWithPosition()
    {
        var errors = Errors(Samples.Indicator, o => o["pattern"] = "[ipv4-addr:value = '198.51.100.1'");

        AssertError(errors, "$.pattern", "at position 33");
    }

    [Fact]
    public void Validate_IndicatorWithNonStixPatternType_DoesNotParseThePattern()
    {
        var errors = Errors(Samples.Indicator, o =>
        {
            o["pattern_type"] = "snort";
            o["pattern"] = "alert tcp any any -> any 80 (msg:\"x\";)";
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ValidUntilBeforeValidFrom_ReportsValidUntil()
    {
        AssertError(Errors(Samples.Indicator, o => o["valid_until"] = "2015-01-01T00:00:00Z"), "$.valid_until", "later than valid_from");
    }

    [Fact]
    public void Validate_InvalidCustomPropertyName_ReportsThatProperty()
    {
        var errors = Errors(Samples.Identity, o => o["x-parley-note"] = "hyphens are not allowed in property names");

        AssertError(errors, "$['x-parley-note']", "not a valid property name");
    }

    [Fact]
    public void Validate_ExternalReferenceWithoutSourceName_ReportsItsPath()
    {
        var errors = Errors(Samples.Indicator, o => o["external_references"] = new JsonArray(new JsonObject { ["url"] = "https://example.com" }));

        AssertError(errors, "$.external_references[0].source_name", "required");
    }

    [Fact]
    public void Validate_ConfidenceOutOfRange_ReportsConfidence()
    {
        AssertError(Errors(Samples.Indicator, o => o["confidence"] = 101), "$.confidence", "between 0 and 100");
    }

    [Fact]
    public void Validate_ScoWithoutValue_ReportsValue()
    {
        AssertError(Errors(Samples.Ipv4, o => o.Remove("value")), "$.value", "required for an ipv4-addr");
    }

    [Fact]
    public void Validate_MissingType_ReportsType()
    {
        AssertError(Errors(Samples.Identity, o => o.Remove("type")), "$.type", "required");
    }
}
