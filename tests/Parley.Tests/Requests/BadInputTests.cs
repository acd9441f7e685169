using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Requests;

/// Bad input gets a 4xx problem naming the field, and nothing is written.
public abstract class BadInputTests(DatabaseKind kind) : AppTest(kind)
{
    private async Task<IReadOnlyList<string>> PostExpecting400Async(string body)
    {
        var response = await App.As("us.officer").PostRawAsync("/api/v1/requests", body);
        var problem = await response.ReadAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await App.WithDbAsync(db => db.Requests.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.RequestEvents.CountAsync()));
        return problem.ErrorFields();
    }

    private static string With(string field, object? value)
    {
        var body = RequestBodies.Valid();
        body[field] = System.Text.Json.JsonSerializer.SerializeToNode(value);
        return body.ToJsonString();
    }

    [Fact]
    public async Task MalformedJson_NamesTheBody() =>
        Assert.NotEmpty(await PostExpecting400Async("{\"toParty\": \"CN\", "));

    [Fact]
    public async Task WrongType_NamesTheField() =>
        Assert.Equal(["subject"], await PostExpecting400Async(With("subject", 42)));

    [Fact]
    public async Task UnknownEnumValue_NamesTheField() =>
        Assert.Equal(["priority"], await PostExpecting400Async(With("priority", "whenever")));

    [Fact]
    public async Task NumericEnumValue_IsRefused() =>
        Assert.Equal(["kind"], await PostExpecting400Async(With("kind", 2)));

    [Fact]
    public async Task EmptyNarrative_AndMissingFields_AreEachNamed()
    {
        var body = RequestBodies.Valid();
        body["narrative"] = "   ";
        body.Remove("tlp");
        body.Remove("kind");
        Assert.Equal(["kind", "narrative", "tlp"], (await PostExpecting400Async(body.ToJsonString())).Order());
    }

    [Theory]
    [InlineData("ipv4", "300.1.2.3", null, "indicators[0].value")]
    [InlineData("ipv4", "10.0.0.1/33", null, "indicators[0].value")]
    [InlineData("ipv6", "2001:db8::zz", null, "indicators[0].value")]
    [InlineData("domain", "not a domain", null, "indicators[0].value")]
    [InlineData("url", "javascript:alert(1)", null, "indicators[0].value")]
    [InlineData("email", "someone@", null, "indicators[0].value")]
    [InlineData("file-hash", "abc123", "SHA-256", "indicators[0].value")]
    [InlineData("file-hash", "44d88612fea8a8f36de82e1278abb02f", "CRC32", "indicators[0].hashAlgorithm")]
    public async Task InvalidIndicator_NamesItsPosition(string type, string value, string? algorithm, string field) =>
        Assert.Equal([field], await PostExpecting400Async(With("indicators", new[] { new { type, value, hashAlgorithm = algorithm } })));

    [Fact]
    public async Task UnknownIndicatorType_NamesItsPosition() =>
        Assert.Equal(["indicators[0].type"], await PostExpecting400Async(With("indicators", new[] { new { type = "bitcoin", value = "x" } })));

    [Fact]
    public async Task UnknownParty_AndActivityWindowBackwards_AreNamed()
    {
        var body = RequestBodies.Valid();
        body["toParty"] = "ZZ";
        body["activityStart"] = "2026-03-01T00:00:00Z";
        body["activityEnd"] = "2026-02-01T00:00:00Z";
        Assert.Equal(["activityEnd", "toParty"], (await PostExpecting400Async(body.ToJsonString())).Order());
    }

    [Fact]
    public async Task OversizedBody_Returns413()
    {
        var body = RequestBodies.Valid();
        body["narrative"] = new string('x', 2 * 1024 * 1024);
        var response = await App.As("us.officer").PostRawAsync("/api/v1/requests", body.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await App.WithDbAsync(db => db.Requests.CountAsync()));
    }

    [Fact]
    public async Task ValidIndicators_OfEveryType_AreAccepted()
    {
        var body = RequestBodies.Valid();
        body["indicators"] = System.Text.Json.JsonSerializer.SerializeToNode(new object[]
        {
            new { type = "ipv4", value = "198.51.100.0/24" },
            new { type = "ipv6", value = "2001:DB8::1" },
            new { type = "domain", value = "Bücher.example" },
            new { type = "url", value = "https://update.example-cdn.com/a.php?id=1" },
            new { type = "email", value = "hr@example.org" },
            new { type = "file-hash", value = new string('a', 64), hashAlgorithm = "sha-256" },
        });
        var response = await App.As("us.officer").PostRawAsync("/api/v1/requests", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var values = (await response.ReadAsync()).GetProperty("indicators").EnumerateArray().Select(i => i.Str("value")).ToList();
        Assert.Contains("2001:db8::1", values);
        Assert.Contains("xn--bcher-kva.example", values);
    }
}

public sealed class BadInputOnSqlite() : BadInputTests(DatabaseKind.Sqlite);

public sealed class BadInputOnPostgres() : BadInputTests(DatabaseKind.Postgres);
