using System.Text.Json.Nodes;
using Parley.Stix.Validation;

namespace Parley.Stix.Tests.Validation;

public sealed class BundleValidationTests
{
    private static JsonObject Bundle(params string[] objects) => new()
    {
        ["type"] = "bundle",
        ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
        ["objects"] = new JsonArray([.. objects.Select(o => JsonNode.Parse(o))]),
    };

    [Fact]
    public void Validate_BundleWithBadObject_ReportsPathInsideObjects()
    {
        var bundle = Bundle(Samples.Identity, Samples.Indicator.Replace("\"2.1\"", "\"2.0\""));

        var errors = StixValidator.Validate(bundle);

        Assert.Equal("$.objects[1].spec_version", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_BundleWithWrongIdType_ReportsId()
    {
        var bundle = Bundle(Samples.Identity);
        bundle["id"] = "report--5d0092c5-5f74-4287-9642-33f4c354e56d";

        Assert.Contains(StixValidator.Validate(bundle), e => e.Path == "$.id" && e.Message.Contains("bundle--"));
    }

    [Fact]
    public void Validate_Stix20BundleWithSpecVersion_ReportsSpecVersion()
    {
        var bundle = Bundle(Samples.Identity);
        bundle["spec_version"] = "2.0";

        Assert.Contains(StixValidator.Validate(bundle), e => e.Path == "$.spec_version");
    }

    [Fact]
    public void Validate_BundleWithNonObjectElement_ReportsElement()
    {
        var bundle = Bundle(Samples.Identity);
        bundle["objects"]!.AsArray().Add(42);

        Assert.Contains(StixValidator.Validate(bundle), e => e.Path == "$.objects[1]");
    }

    [Fact]
    public void Validate_BundleNestedInBundle_ReportsType()
    {
        var bundle = Bundle(Bundle(Samples.Identity).ToJsonString());

        Assert.Contains(StixValidator.Validate(bundle), e => e.Path == "$.objects[0].type");
    }
}
