using Microsoft.EntityFrameworkCore;
using Parley.Identity;
using Parley.Tests.Hotline;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Isolation;

/// One request from US (FBI) to CN (MPS) and the objects around it, the users of every role on every
/// side, and the route values that name those objects (or, for "missing", objects that do not exist).
public sealed class IsolationScenario
{
    public static readonly string[] Roles = ["officer", "supervisor", "hotline", "overseer", "analyst", "admin"];

    private readonly Dictionary<string, string> _values = new();
    public Dictionary<string, string> Tokens { get; } = new();

    public static async Task<IsolationScenario> SeedAsync(TestApp app)
    {
        var s = new IsolationScenario();
        await s.AddUsersAsync(app);
        var requestId = await RequestBodies.SubmitAsync(app);
        s._values["request"] = requestId;
        s._values["agency"] = app.Directory.Agencies["FBI"].ToString();
        s._values["user"] = app.Directory.Users["us.officer2"].ToString();
        s._values["contact"] = app.Directory.Contacts["FBI desk"].ToString();
        await s.NewUserSessionAndTokenAsync(app);
        s._values["escalation"] = (await HotlineTestKit.InsertEscalationAsync(app, requestId)).ToString();
        s._values["session"] = await CreatedIdAsync(app.As("us.hotline"), HotlineTestKit.Sessions, new { mechanism = "US-CN", subject = "Steel producer intrusion" });
        s._values["check"] = await CreatedIdAsync(app.As("us.admin"), HotlineTestKit.Checks, new { answerWithin = "02:00:00" });
        s._values["webhook"] = await CreatedIdAsync(app.As("us.admin"), "/api/v1/webhooks", new { url = "https://hooks.test/us" });
        s._values["incident"] = await CreatedIdAsync(app.As("us.analyst"), "/api/v1/incidents", new { title = "Steel producer intrusion", firstSeen = "2026-01" });
        s._values["shift"] = await CreatedIdAsync(app.As("us.hotline"), "/api/v1/hotline/parties/US/shifts", new { user = "us.hotline", startsAt = "2026-03-02T08:00", endsAt = "2026-03-02T20:00" });
        var collections = await (await app.As("us.officer").GetAsync("/taxii2/us-cn/collections/")).Content.ReadAsStringAsync();
        s._values["collection"] = System.Text.Json.JsonDocument.Parse(collections).RootElement.GetProperty("collections")[0].GetProperty("id").GetString()!;
        s._values["notification"] = (await app.WithDbAsync(db =>
            db.Notifications.Where(n => n.AgencyId == app.Directory.Agencies["MPS"]).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync())).ToString();
        return s;
    }

    private int _fresh;

    /// Before each call of a deletion: a new object to delete, so that every caller meets one that exists.
    public async Task RefreshForDeleteAsync(TestApp app, EndpointCatalogue.Entry entry)
    {
        if (entry.Method != "DELETE") return;
        var n = ++_fresh;
        if (entry.Pattern.Contains("/shifts/"))
            _values["shift"] = await CreatedIdAsync(app.As("us.hotline"), "/api/v1/hotline/parties/US/shifts",
                new { user = "us.hotline", startsAt = $"2026-04-{1 + n % 28:00}T{n / 28 % 2 * 12:00}:00", endsAt = $"2026-04-{1 + n % 28:00}T{n / 28 % 2 * 12 + 11:00}:00" });
        else if (entry.Pattern.StartsWith("/api/v1/webhooks/"))
            _values["webhook"] = await CreatedIdAsync(app.As("us.admin"), "/api/v1/webhooks", new { url = $"https://hooks.test/us{n}" });
        else if (entry.Pattern.StartsWith("/api/v1/sessions/") || entry.Pattern.StartsWith("/api/v1/tokens/"))
            await NewUserSessionAndTokenAsync(app);
        else if (entry.Pattern.StartsWith("/api/v1/directory/agencies/"))
            _values["contact"] = await app.WithDbAsync(async db =>
            {
                var contact = new Parley.Directory.PointOfContact { Id = Guid.NewGuid(), AgencyId = app.Directory.Agencies["FBI"], Name = $"FBI spare desk {n}" };
                db.PointsOfContact.Add(contact);
                await db.SaveChangesAsync();
                return contact.Id.ToString();
            });
        else if (entry.Pattern.StartsWith("/api/v1/incidents/"))
            _values["incident"] = await CreatedIdAsync(app.As("us.analyst"), "/api/v1/incidents", new { title = $"Intrusion number {n}", firstSeen = "2026-01" });
    }

    /// A signed-in session and a spare API token of us.officer2, for the calls that revoke them.
    private async Task NewUserSessionAndTokenAsync(TestApp app)
    {
        await app.SignInAsync("us.officer2");
        var userId = app.Directory.Users["us.officer2"];
        _values["user-session"] = (await app.WithDbAsync(db => db.UserSessions.Where(x => x.UserId == userId && x.RevokedAt == null)
            .OrderByDescending(x => x.CreatedAt).Select(x => x.Id).FirstAsync())).ToString();
        _values["token"] = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            var token = ApiTokens.Create(user, $"spare {++_fresh}", app.Time.GetUtcNow().UtcDateTime, TimeSpan.FromDays(30), out _);
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync();
            return token.Id.ToString();
        });
    }

    private static async Task<string> CreatedIdAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Seeding {url}: {(int)response.StatusCode} {text}");
        // Every create answers 201 with the new object's address.
        return response.Headers.Location!.OriginalString.TrimEnd('/').Split('/')[^1];
    }

    /// The roles TestDirectory lacks on CN and GB, so that every role of every side is called.
    private async Task AddUsersAsync(TestApp app)
    {
        var added = new (string Name, string Agency, Parley.Identity.Roles Roles)[]
        {
            ("cn.analyst", "MPS", Parley.Identity.Roles.Analyst), ("cn.admin", "MPS", Parley.Identity.Roles.Administrator),
            ("gb.hotline", "NCA", Parley.Identity.Roles.HotlineOfficer), ("gb.overseer", "NCA", Parley.Identity.Roles.Overseer),
            ("gb.analyst", "NCA", Parley.Identity.Roles.Analyst), ("gb.admin", "NCA", Parley.Identity.Roles.Administrator),
        };
        await app.WithDbAsync(async db =>
        {
            var now = app.Time.GetUtcNow().UtcDateTime;
            foreach (var (name, agency, roles) in added)
            {
                var user = new User { Id = Guid.NewGuid(), UserName = name, DisplayName = name, Email = TestDirectory.EmailOf(name), AgencyId = app.Directory.Agencies[agency], Roles = roles, CreatedAt = now };
                db.Users.Add(user);
                db.ApiTokens.Add(ApiTokens.Create(user, "tests", now, TimeSpan.FromDays(3650), out var token));
                Tokens[name] = token;
            }
            return await db.SaveChangesAsync();
        });
        foreach (var (name, token) in app.Directory.Tokens) Tokens[name] = token;
    }

    /// Fills the route's parameters. The object the route is about (its last parameter) is the seeded
    /// one, or with <paramref name="missing"/> an id that names nothing.
    public string Fill(EndpointCatalogue.Entry entry, bool missing)
    {
        var path = entry.Pattern;
        var last = entry.Parameters.LastOrDefault();
        foreach (var name in entry.Parameters)
        {
            var value = name == last && missing ? MissingValue(entry.Pattern, name) : Value(entry.Pattern, name);
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value));
        }
        return path;
    }

    /// The value that names the route's object (its last parameter), as sent.
    public string Named(EndpointCatalogue.Entry entry, bool missing) => entry.Parameters.LastOrDefault() is { } last
        ? (missing ? MissingValue(entry.Pattern, last) : Value(entry.Pattern, last))
        : "\u0000";

    private string Value(string pattern, string name) => name switch
    {
        "id" when pattern.StartsWith("/api/v1/mechanisms/") => "US-CN",
        "id" when pattern.StartsWith("/api/v1/requests/") || pattern.StartsWith("/requests/") => _values["request"],
        "id" when pattern.StartsWith("/api/v1/escalations/") => _values["escalation"],
        "id" when pattern.StartsWith("/api/v1/hotline/sessions/") || pattern.StartsWith("/hotline/sessions/") => _values["session"],
        "id" when pattern.StartsWith("/api/v1/sessions/") => _values["user-session"],
        "id" when pattern.StartsWith("/api/v1/tokens/") => _values["token"],
        "id" when pattern.StartsWith("/api/v1/users/") => _values["user"],
        "rest" => "no-such-resource/",
        "provider" => "agency-idp",
        "id" when pattern.Contains("/shifts/") => _values["shift"],
        "id" when pattern.StartsWith("/api/v1/communication-checks/") => _values["check"],
        "id" when pattern.StartsWith("/api/v1/webhooks/") => _values["webhook"],
        "id" when pattern.StartsWith("/api/v1/notifications/") => _values["notification"],
        "id" when pattern.StartsWith("/api/v1/incidents/") => _values["incident"],
        "id" when pattern.StartsWith("/api/v1/directory/agencies/") => _values["agency"],
        "requestId" => _values["request"],
        "documentName" => "v1",
        "contactId" when pattern.StartsWith("/api/v1/directory/") => _values["contact"],
        "contactId" => "00000000-0000-0000-0000-000000000000",
        "code" when pattern.StartsWith("/api/v1/directory/mechanisms/") => "US-CN",
        "mechanism" => "US-CN",
        "code" => "US",
        "name" => "APT1",
        "root" => "us-cn",
        "token" => "not-a-real-token",
        "collectionId" => _values["collection"],
        "objectId" => "indicator--" + NoSuchObject,
        "statusId" => NoSuchObject.ToString(),
        _ => throw new InvalidOperationException($"No value for {{{name}}} in {pattern}: teach IsolationScenario.Value."),
    };

    /// Names nothing (TAXII objects and statuses are not seeded: for those both calls meet nothing).
    private static readonly Guid NoSuchObject = Guid.CreateVersion7(), Missing = Guid.CreateVersion7();

    private static string MissingValue(string pattern, string name) => name switch
    {
        "id" when pattern.StartsWith("/api/v1/mechanisms/") => "XX-YY",
        "code" when pattern.StartsWith("/api/v1/directory/mechanisms/") => "XX-YY",
        "code" => "XX",
        "documentName" => "v0",
        "root" => "xx-yy",
        "name" => "no-such-actor",
        "mechanism" => "XX-YY",
        "token" => "another-unreal-token",
        "objectId" => "indicator--" + Missing,
        _ => Missing.ToString(),
    };
}
