using System.Text.Json.Nodes;

namespace Parley.Stix.Tests;

public sealed class ObservableIdsTests
{
    [Fact]
    public void UuidV5_KnownVector_MatchesRfc4122()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") in Python's standard library.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), ObservableIds.UuidV5(dns, "python.org"));
    }

    [Fact]
    public void For_SameValue_SameIdWhateverTheKeyOrder()
    {
        var a = ObservableIds.For("file", new JsonObject { ["hashes"] = new JsonObject { ["SHA-256"] = "ab", ["MD5"] = "cd" } });
        var b = ObservableIds.For("file", new JsonObject { ["hashes"] = new JsonObject { ["MD5"] = "cd", ["SHA-256"] = "ab" } });
        Assert.Equal(a, b);
        Assert.StartsWith("file--", a);
        Assert.Equal('5', a["file--".Length + 14]);
    }

    [Fact]
    public void For_DifferentValues_DifferentIds_AndValidIdentifiers()
    {
        var one = ObservableIds.For("url", new JsonObject { ["value"] = "http://a.example/?x=1&y=2" });
        var two = ObservableIds.For("url", new JsonObject { ["value"] = "http://a.example/?x=1&y=3" });
        Assert.NotEqual(one, two);
        Assert.True(StixIdentifier.TryParse(one, out _));
    }
}
