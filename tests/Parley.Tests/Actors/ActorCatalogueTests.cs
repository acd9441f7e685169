using System.Net;
using Parley.Actors;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Actors;

public sealed class ActorCatalogueTests() : AppTest(DatabaseKind.Sqlite)
{
    [Theory]
    [InlineData("APT1")]
    [InlineData("Comment Crew")]
    [InlineData("comment-crew")]
    [InlineData("G0006")]
    public void FindByNameOrAlias_KnowsApt1ByAnyOfItsNames(string name)
    {
        var actor = App.Services.GetRequiredService<ActorCatalogue>().FindByNameOrAlias(name);
        Assert.NotNull(actor);
        Assert.Equal("APT1", actor.Name);
        Assert.Equal("intrusion-set--6a2e693f-24e5-451a-9f88-b36a108e5662", actor.StixId);
        Assert.Equal("https://attack.mitre.org/groups/G0006", actor.Url);
    }

    [Fact]
    public void FindByNameOrAlias_Unknown_IsNull() =>
        Assert.Null(App.Services.GetRequiredService<ActorCatalogue>().FindByNameOrAlias("Nobody Panda"));

    [Fact]
    public async Task Api_SearchesNamesAndAliases()
    {
        var found = await (await App.As("us.analyst").GetAsync("/api/v1/actors?q=panda")).ReadAsync();
        var names = found.EnumerateArray().Select(a => a.Str("name")).ToList();
        Assert.True(new[] { "APT1", "APT3", "APT41", "menuPass" }.All(names.Contains), string.Join(", ", names));
        // Every hit carries "panda" in its name or an alias (Comment Panda, Gothic Panda, …), and nothing else is returned.
        Assert.All(found.EnumerateArray(), a => Assert.Contains(a.GetProperty("aliases").EnumerateArray().Select(x => x.GetString()!).Append(a.Str("name")!),
            n => n.Contains("panda", StringComparison.OrdinalIgnoreCase)));
        var apt10 = await App.As("us.analyst").GetAsync("/api/v1/actors/APT10");
        Assert.Equal("menuPass", (await apt10.ReadAsync()).Str("name"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.As("us.analyst").GetAsync("/api/v1/actors/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/api/v1/actors")).StatusCode);
    }
}
