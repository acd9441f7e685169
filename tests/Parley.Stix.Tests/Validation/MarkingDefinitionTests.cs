using System.Text.Json.Nodes;
using Parley.Stix.Markings;
using Parley.Stix.Validation;

namespace Parley.Stix.Tests.Validation;

public sealed class MarkingDefinitionTests
{
    private static JsonObject Copy(TlpMarking marking) => marking.ToStixObject().Raw;

    [Fact]
    public void Validate_Tlp1MarkingUnderAnotherId_ReportsIdWithOfficialId()
    {
        var obj = Copy(Tlp.V1Amber);
        obj["id"] = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b83";

        var errors = StixValidator.Validate(obj);

        Assert.Contains(errors, e => e.Path == "$.id" && e.Message.Contains(Tlp.V1Amber.Id));
    }

    [Fact]
    public void Validate_Tlp2MarkingWithWrongLevelForItsId_ReportsId()
    {
        var obj = Copy(Tlp.Red);
        obj["extensions"]![Tlp.Tlp2ExtensionDefinitionId]!["tlp_2_0"] = "green";
        obj["name"] = "TLP:GREEN";

        var errors = StixValidator.Validate(obj);

        Assert.Contains(errors, e => e.Path == "$.id" && e.Message.Contains(Tlp.Green.Id));
    }

    [Fact]
    public void Validate_Tlp2MarkingWithUnknownLevel_ReportsExtensionPath()
    {
        var obj = Copy(Tlp.Clear);
        obj["extensions"]![Tlp.Tlp2ExtensionDefinitionId]!["tlp_2_0"] = "purple";

        var errors = StixValidator.Validate(obj);

        Assert.Contains(errors, e => e.Path == $"$.extensions['{Tlp.Tlp2ExtensionDefinitionId}'].tlp_2_0");
    }

    [Fact]
    public void Validate_MarkingDefinitionWithModified_ReportsModified()
    {
        var obj = JsonNode.Parse(Samples.StatementMarking)!.AsObject();
        obj["modified"] = "2016-08-02T00:00:00.000Z";

        Assert.Contains(StixValidator.Validate(obj), e => e.Path == "$.modified");
    }

    [Fact]
    public void Validate_StatementMarkingWithoutStatement_ReportsDefinition()
    {
        var obj = JsonNode.Parse(Samples.StatementMarking)!.AsObject();
        obj["definition"] = new JsonObject { ["text"] = "no statement" };

        Assert.Contains(StixValidator.Validate(obj), e => e.Path == "$.definition");
    }

    [Fact]
    public void Validate_OfficialTlpIdDefiningAStatement_ReportsId()
    {
        var obj = JsonNode.Parse(Samples.StatementMarking)!.AsObject();
        obj["id"] = Tlp.Red.Id;

        Assert.Contains(StixValidator.Validate(obj), e => e.Path == "$.id" && e.Message.Contains("TLP:RED"));
    }
}
