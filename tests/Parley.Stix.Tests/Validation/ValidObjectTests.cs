using Parley.Stix.Markings;
using Parley.Stix.Validation;

namespace Parley.Stix.Tests.Validation;

public sealed class ValidObjectTests
{
    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Validate_ValidObject_ReturnsNoErrors(string name, string json)
    {
        var errors = StixValidator.Validate(StixObject.Parse(json));

        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public async Task OfficialSchema_ValidObject_ReturnsNoErrors(string name, string json)
    {
        var errors = await OfficialSchemas.ValidateAsync(StixObject.Parse(json));

        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");
    }

    [Fact]
    public async Task Validate_EveryOfficialTlpMarking_PassesOursAndTheOfficialSchema()
    {
        var failures = new List<string>();
        foreach (var marking in Tlp.All)
        {
            var obj = marking.ToStixObject();
            failures.AddRange(StixValidator.Validate(obj).Select(e => $"{marking.Id} ours: {e}"));
            failures.AddRange((await OfficialSchemas.ValidateAsync(obj)).Select(e => $"{marking.Id} {obj.ToJson()} official: {e}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Validate_CustomObjectWithCustomProperties_ReturnsNoErrors()
    {
        var obj = StixObject.Parse("""
            {"type":"x-parley-request","spec_version":"2.1","id":"x-parley-request--6ba7b810-9dad-41d1-80b4-00c04fd430c8",
             "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z",
             "x_parley_reference":"US-CN-2026-0042","x_parley_parties":{"sender":"US","receiver":"CN"}}
            """);

        Assert.Empty(StixValidator.Validate(obj));
        Assert.Equal(StixObjectCategory.DomainObject, obj.Category);
    }

    [Fact]
    public void Validate_BundleOfSamples_ReturnsNoErrors()
    {
        var bundle = StixBundle.Create(Samples.All.Select(row => StixObject.Parse((string)row[1])));

        Assert.Empty(StixValidator.Validate(bundle));
        Assert.Empty(StixValidator.Validate(System.Text.Json.Nodes.JsonNode.Parse(bundle.ToJson())!.AsObject()));
    }
}
