using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Stix.Validation;

namespace Parley.Stix.Tests.Validation;

/// The import validates each object as the element it was parsed into; TAXII and the API hand the validator
/// nodes, which it copies to an element. Both ways in must find the same errors.
public sealed class ElementValidationTests
{
    public static TheoryData<string, string> BadObjects => new()
    {
        { Samples.Indicator, """{"id": "indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f", "pattern": "[ipv4-addr:value = "}""" },
        { Samples.Identity, """{"spec_version": "2.0", "created": "2016-13-01T00:00:00Z", "confidence": 1.5, "labels": []}""" },
        { Samples.Relationship, """{"source_ref": 42, "target_ref": "relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "x-bad name": 1}""" },
        { Samples.Indicator, """{"granular_markings": [{"selectors": []}], "extensions": {"bad": 1}, "external_references": [{}]}""" },
        { Samples.Indicator, """{"object_marking_refs": ["identity--311b2d2d-f010-4473-83ec-1edf84858f4c", 7]}""" },
    };

    [Theory]
    [MemberData(nameof(BadObjects))]
    public void Validate_ParsedElement_ReportsWhatTheNodeReports(string sample, string changes)
    {
        var node = JsonNode.Parse(sample)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(changes)!.AsObject()) node[name] = value?.DeepClone();
        var element = JsonElement.Parse(node.ToJsonString());

        var fromNode = StixValidator.Validate(node).Select(e => e.ToString()).ToList();
        var fromElement = StixValidator.Validate(element).Select(e => e.ToString()).ToList();

        Assert.True(fromNode.Count >= 2, string.Join("; ", fromNode));
        Assert.Equal(fromNode, fromElement);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"indicator\"", "a string")]
    [InlineData("null", "null")]
    public void Validate_ElementThatIsNotAnObject_IsOneErrorAtTheRoot(string json, string kind)
    {
        var error = Assert.Single(StixValidator.Validate(JsonElement.Parse(json)));

        Assert.Equal("$", error.Path);
        Assert.Contains(kind, error.Message);
    }
}
