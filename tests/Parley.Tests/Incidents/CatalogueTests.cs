using Parley.Actors;
using Parley.Incidents;

namespace Parley.Tests.Incidents;

public sealed class CatalogueTests
{
    [Theory]
    [InlineData("APT1")]
    [InlineData("APT 1")]
    [InlineData("apt1")]
    [InlineData("apt-1")]
    [InlineData("Comment Crew")]
    [InlineData("comment-crew")]
    [InlineData("  COMMENT  crew ")]
    [InlineData("Comment_Panda")]
    public void FindByNameOrAlias_IgnoresCaseSpacingAndPunctuation(string name)
    {
        var set = ActorCatalogue.Default.FindByNameOrAlias(name);
        Assert.NotNull(set);
        Assert.Equal("APT1", set.Name);
        Assert.Equal("intrusion-set--6a2e693f-24e5-451a-9f88-b36a108e5662", set.StixId);
        Assert.Equal("G0006", set.AttackId);
        Assert.Contains("Comment Crew", set.Aliases);
    }

    [Theory]
    [InlineData("APT10", "menuPass")]
    [InlineData("Stone Panda", "menuPass")]
    [InlineData("fancy bear", "APT28")]
    [InlineData("Guardians of Peace", "Lazarus Group")]
    [InlineData("black vine", "Deep Panda")]
    public void FindByNameOrAlias_AliasLeadsToTheSet(string alias, string name) =>
        Assert.Equal(name, ActorCatalogue.Default.FindByNameOrAlias(alias)?.Name);

    [Fact]
    public void FindByNameOrAlias_Unknown_IsNull() => Assert.Null(ActorCatalogue.Default.FindByNameOrAlias("APT 999"));

    [Theory]
    [InlineData("China", "CN")]
    [InlineData("People's Republic of China", "CN")]
    [InlineData("PRC", "CN")]
    [InlineData("cn", "CN")]
    [InlineData("United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("united states of america", "US")]
    [InlineData("North Korea", "KP")]
    [InlineData("Russia", "RU")]
    [InlineData("Russian Federation", "RU")]
    [InlineData("UK", "GB")]
    public void Countries_FindByNameOrAlias(string name, string code) => Assert.Equal(code, Countries.Find(name));

    [Fact]
    public void Countries_Unknown_IsNull() => Assert.Null(Countries.Find("Atlantis"));
}
