namespace Parley.Stix.Tests;

public sealed class StixIdentifierTests
{
    [Fact]
    public void Parse_ValidId_SplitsTypeAndUuid()
    {
        var id = StixIdentifier.Parse("x-parley-request--6ba7b810-9dad-41d1-80b4-00c04fd430c8");

        Assert.Equal("x-parley-request", id.Type);
        Assert.Equal(Guid.Parse("6ba7b810-9dad-41d1-80b4-00c04fd430c8"), id.Uuid);
    }

    [Theory]
    [InlineData("indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f")]
    [InlineData("indicator--00000000-0000-0000-0000-000000000000")]
    [InlineData("indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f")]
    [InlineData("in--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("my--type--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    public void TryParse_NotRfc4122OrBadType_ReturnsFalseWithReason(string value)
    {
        Assert.False(StixIdentifier.TryParse(value, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void NewRandom_Type_IsParsableVersion4()
    {
        var id = StixIdentifier.NewRandom("bundle");

        Assert.True(StixIdentifier.TryParse(id.Value, out var parsed));
        Assert.Equal('4', parsed.Value[8 + 14]);
    }
}
