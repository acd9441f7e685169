using Parley.Stix.Markings;

namespace Parley.Stix.Tests.Markings;

public sealed class TlpTests
{
    [Theory]
    [InlineData("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", TlpLevel.Clear, 2)]
    [InlineData("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", TlpLevel.Green, 2)]
    [InlineData("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", TlpLevel.Amber, 2)]
    [InlineData("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", TlpLevel.AmberStrict, 2)]
    [InlineData("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", TlpLevel.Red, 2)]
    [InlineData("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", TlpLevel.Clear, 1)]
    [InlineData("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", TlpLevel.Green, 1)]
    [InlineData("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", TlpLevel.Amber, 1)]
    [InlineData("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", TlpLevel.Red, 1)]
    public void LevelOf_OfficialId_ReturnsItsLevel(string id, TlpLevel level, int version)
    {
        Assert.Equal(level, Tlp.LevelOf(id));
        Assert.Equal(version, Tlp.Find(id)!.TlpVersion);
    }

    [Theory]
    [InlineData("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41db")]
    [InlineData("identity--311b2d2d-f010-4473-83ec-1edf84858f4c")]
    [InlineData("")]
    [InlineData(null)]
    public void LevelOf_OtherId_ReturnsNull(string? id)
    {
        Assert.Null(Tlp.LevelOf(id));
    }

    [Fact]
    public void Constants_Tlp2Objects_MatchThePublishedDefinitions()
    {
        var amberStrict = Tlp.AmberStrict.ToStixObject();

        Assert.Equal("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", amberStrict.Id);
        Assert.Equal("2022-10-01T00:00:00.000Z", amberStrict.Created!.Value.Text);
        Assert.Equal("TLP:AMBER+STRICT", amberStrict["name"]!.GetValue<string>());
        var extension = amberStrict["extensions"]![Tlp.Tlp2ExtensionDefinitionId]!;
        Assert.Equal("property-extension", extension["extension_type"]!.GetValue<string>());
        Assert.Equal("amber+strict", extension["tlp_2_0"]!.GetValue<string>());
    }

    [Fact]
    public void Constants_Tlp1Objects_MatchTheStixSpecification()
    {
        var white = Tlp.V1White.ToStixObject();

        Assert.Equal("2017-01-20T00:00:00.000Z", white.Created!.Value.Text);
        Assert.Equal("tlp", white["definition_type"]!.GetValue<string>());
        Assert.Equal("white", white["definition"]!["tlp"]!.GetValue<string>());
    }

    [Fact]
    public void ToStixObject_CalledTwice_ReturnsIndependentCopies()
    {
        var first = Tlp.Red.ToStixObject();
        first.Raw["name"] = "changed";

        Assert.Equal("TLP:RED", Tlp.Red.ToStixObject()["name"]!.GetValue<string>());
    }

    [Fact]
    public void MostRestrictive_MixedMarkings_ReturnsHighestLevel()
    {
        var level = Tlp.MostRestrictive([Tlp.V1Green.Id, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41db", Tlp.AmberStrict.Id]);

        Assert.Equal(TlpLevel.AmberStrict, level);
        Assert.Null(Tlp.MostRestrictive([]));
    }

    [Theory]
    [InlineData("TLP:AMBER+STRICT", TlpLevel.AmberStrict)]
    [InlineData("white", TlpLevel.Clear)]
    [InlineData(" tlp:red ", TlpLevel.Red)]
    public void TryParseLevel_Name_ReturnsLevel(string name, TlpLevel level)
    {
        Assert.True(Tlp.TryParseLevel(name, out var parsed));
        Assert.Equal(level, parsed);
    }

    [Fact]
    public void For_EachLevel_ReturnsTheTlp2Marking()
    {
        Assert.All(Enum.GetValues<TlpLevel>(), level => Assert.Equal(2, Tlp.For(level).TlpVersion));
        Assert.Same(Tlp.Clear, Tlp.For(TlpLevel.Clear));
    }
}
