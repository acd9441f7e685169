using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Requests;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Limits;

/// Every field in the table, sent at its limit and one past it: past it is a 400 problem naming the field
/// with nothing written; at it the write goes through.
public abstract class FieldLimitTests(DatabaseKind kind) : AppTest(kind)
{
    /// One field of one write: who posts where, the body with the field set to a value, and the rows it writes.
    private sealed record Case(string Field, int Limit, string User, Func<TestApp, Task<string>> Url, Func<int, int, JsonObject> Body,
        Func<ParleyDbContext, Task<int>> Rows);

    private static string Text(int length) => new('a', length);

    private static JsonObject Request(Action<JsonObject> set)
    {
        var body = RequestBodies.Valid(draft: true);
        set(body);
        return body;
    }

    private static Task<string> At(string url) => Task.FromResult(url);

    private static readonly Func<ParleyDbContext, Task<int>> RequestRows = db => db.Requests.CountAsync();

    private static IEnumerable<Case> Cases() =>
    [
        new("subject", RequestLimits.Subject, "us.officer", _ => At("/api/v1/requests"), (n, _) => Request(b => b["subject"] = Text(n)), RequestRows),
        new("narrative", RequestLimits.Narrative, "us.officer", _ => At("/api/v1/requests"), (n, _) => Request(b => b["narrative"] = Text(n)), RequestRows),
        new("victims", RequestLimits.Victims, "us.officer", _ => At("/api/v1/requests"), (n, _) => Request(b => b["victims"] = Text(n)), RequestRows),
        new("legalBasis", RequestLimits.LegalBasis, "us.officer", _ => At("/api/v1/requests"), (n, _) => Request(b => b["legalBasis"] = Text(n)), RequestRows),
        new("indicators[1].note", RequestLimits.ShortText, "us.officer", _ => At("/api/v1/requests"),
            (n, _) => Request(b => b["indicators"]![1]!["note"] = Text(n)), RequestRows),
        new("indicators", RequestLimits.Indicators, "us.officer", _ => At("/api/v1/requests"),
            (n, _) => Request(b => b["indicators"] = new JsonArray(Enumerable.Range(0, n)
                .Select(i => (JsonNode)new JsonObject { ["type"] = "ipv4", ["value"] = $"198.51.{i / 250}.{i % 250 + 1}" }).ToArray())), RequestRows),
        new("message", RequestLimits.Message, "cn.officer", async app => $"/api/v1/requests/{await RequestBodies.SubmitAsync(app)}/acknowledge",
            (n, _) => new JsonObject { ["message"] = Text(n) }, db => db.RequestEvents.CountAsync()),
        new("title", Parley.Incidents.IncidentLimits.Title, "us.analyst", _ => At("/api/v1/incidents"),
            (n, i) => new JsonObject { ["title"] = Text(n - $"{i}".Length) + i, ["firstSeen"] = "2026-01" }, db => db.Incidents.CountAsync()),
        new("description", Parley.Incidents.IncidentLimits.Description, "us.analyst", _ => At("/api/v1/incidents"),
            (n, i) => new JsonObject { ["title"] = $"Intrusion {i}", ["description"] = Text(n), ["firstSeen"] = "2026-01" }, db => db.Incidents.CountAsync()),
        new("url", 2000, "us.admin", _ => At("/api/v1/webhooks"),
            (n, _) => new JsonObject { ["url"] = "https://hooks.test/" + Text(n - "https://hooks.test/".Length) }, db => db.Webhooks.CountAsync()),
        new("name", Parley.Identity.TokensApi.MaxName, "us.officer", _ => At("/api/v1/tokens"),
            (n, _) => new JsonObject { ["name"] = Text(n), ["daysValid"] = 30 }, db => db.ApiTokens.CountAsync()),
        new("subject", Parley.Hotline.OpenHotlineSession.SubjectMax, "us.hotline", _ => At("/api/v1/hotline/sessions"),
            (n, _) => new JsonObject { ["mechanism"] = "US-CN", ["subject"] = Text(n) }, db => db.HotlineSessions.CountAsync()),
        new("note", Parley.Hotline.RosterApi.MaxNote, "us.hotline", _ => At("/api/v1/hotline/parties/US/shifts"),
            (n, _) => new JsonObject { ["user"] = "us.hotline", ["startsAt"] = "2026-05-04T08:00", ["endsAt"] = "2026-05-04T20:00", ["note"] = Text(n) },
            db => db.OnCallShifts.CountAsync()),
        new("victimOrganisations", Parley.Incidents.IncidentLimits.MaxValues, "us.analyst", _ => At("/api/v1/incidents"),
            (n, i) => new JsonObject { ["title"] = $"Intrusion {i}", ["firstSeen"] = "2026-01",
                ["victimOrganisations"] = new JsonArray(Enumerable.Range(0, n).Select(o => (JsonNode)$"Organisation {o}").ToArray()) },
            db => db.Incidents.CountAsync()),
    ];

    [Fact]
    public async Task EachField_PastItsLimit_IsA400NamingIt_AndWritesNothing_AtItsLimit_IsAccepted()
    {
        var failures = new List<string>();
        var i = 0;
        foreach (var c in Cases())
        {
            var url = await c.Url(App);
            var client = App.As(c.User);
            var before = await App.WithDbAsync(c.Rows);
            var over = await client.PostJsonAsync(url, c.Body(c.Limit + 1, ++i));
            var problem = await over.ReadAsync();
            if (over.StatusCode != HttpStatusCode.BadRequest || !problem.ErrorFields().Contains(c.Field))
                failures.Add($"{url} {c.Field} at {c.Limit + 1}: {(int)over.StatusCode} {problem}");
            else if (over.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{url} {c.Field} at {c.Limit + 1}: not a problem response");
            if (await App.WithDbAsync(c.Rows) != before) failures.Add($"{url} {c.Field} at {c.Limit + 1}: a row was written");

            var at = await client.PostJsonAsync(url, c.Body(c.Limit, ++i));
            if (!at.IsSuccessStatusCode) failures.Add($"{url} {c.Field} at {c.Limit}: {(int)at.StatusCode} {Shorten(await at.Content.ReadAsStringAsync())}");
            else if (await App.WithDbAsync(c.Rows) <= before) failures.Add($"{url} {c.Field} at {c.Limit}: accepted but nothing written");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}

public sealed class FieldLimitTestsOnSqlite() : FieldLimitTests(DatabaseKind.Sqlite);

public sealed class FieldLimitTestsOnPostgres() : FieldLimitTests(DatabaseKind.Postgres);
