using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Notifications;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Notifications;

/// Shared steps of the notification tests: sender options with a predictable back-off, queueing an event
/// as another feature would, one sender round, registering a webhook through the API.
public static class NotificationKit
{
    /// Back-off 30 s, 1 min, 2 min … (no jitter, so the instants are exact); 4 attempts; the hosted sender off.
    public static void Configure(WebApplicationBuilder builder, int? smtpPort = null, string? pickup = null) =>
        Configure(builder.Services, smtpPort, pickup);

    public static IServiceCollection Configure(IServiceCollection services, int? smtpPort = null, string? pickup = null)
    {
        services.Configure<NotificationSenderOptions>(o =>
        {
            o.Enabled = false;
            o.BackoffBase = TimeSpan.FromSeconds(30);
            o.BackoffCap = TimeSpan.FromMinutes(10);
            o.BackoffJitter = 0;
            o.MaxAttempts = 4;
            o.WebhookTimeout = TimeSpan.FromSeconds(5);
        });
        services.Configure<SmtpOptions>(o =>
        {
            o.Host = smtpPort is null ? null : "127.0.0.1";
            o.Port = smtpPort ?? 25;
            o.Security = SmtpSecurity.None;
            o.FromAddress = "parley@parley.test";
            o.FromName = "Parley US-CN";
            o.PickupDirectory = pickup ?? Path.Combine(Path.GetTempPath(), "parley-tests", "mail-" + Guid.NewGuid().ToString("N"));
        });
        return services;
    }

    public static async Task EnqueueAsync(this TestApp app, NotificationEvent e)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        await NotificationOutbox.EnqueueAsync(db, e, app.Time.GetUtcNow().UtcDateTime, default);
        await db.SaveChangesAsync();
    }

    public static Task<DispatchResult> SendDueAsync(this TestApp app) =>
        app.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(default);

    public static Task<List<Notification>> NotificationsAsync(this TestApp app) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.Recipient).ToListAsync());

    public static Task<List<NotificationAttempt>> AttemptsAsync(this TestApp app, Guid id) =>
        app.WithDbAsync(db => db.NotificationAttempts.AsNoTracking().Where(a => a.NotificationId == id).OrderBy(a => a.At).ToListAsync());

    /// Registers a webhook for the admin's agency through the API and points the receiver's check at its secret.
    public static async Task<Guid> RegisterAsync(this TestApp app, WebhookReceiver receiver, string admin = "us.admin", string[]? events = null, string? url = null)
    {
        var response = await app.As(admin).PostJsonAsync("/api/v1/webhooks", new { url = url ?? receiver.Url, events = events ?? ["*"] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadAsync();
        receiver.Secret = body.Str("secret");
        return body.GetProperty("id").GetGuid();
    }

    public static NotificationEvent Event(TestApp app, string type = "escalation.raised", string key = "escalation:1:level:1",
        Roles roles = Roles.None, string[]? agencies = null, string[]? addresses = null) =>
        new(type, key, "Escalation: US-CN-2026-0001 reached level 1", "The acknowledgement deadline passed.\nPlease acknowledge.",
            (agencies ?? ["FBI"]).Select(a => app.Directory.Agencies[a]).ToList(), roles, new { reference = "US-CN-2026-0001", level = 1 }, addresses);

    /// Adds an administrator of the Chinese side (the test directory has only a US one) and returns its client.
    public static async Task<HttpClient> ChineseAdminAsync(this TestApp app)
    {
        var token = await app.WithDbAsync(async db =>
        {
            var user = new User { Id = Guid.NewGuid(), UserName = "cn.admin", DisplayName = "cn.admin", Email = "cn.admin@cn.test",
                AgencyId = app.Directory.Agencies["MPS"], Roles = Roles.Administrator, CreatedAt = app.Time.GetUtcNow().UtcDateTime };
            db.Users.Add(user);
            db.ApiTokens.Add(ApiTokens.Create(user, "tests", app.Time.GetUtcNow().UtcDateTime, TimeSpan.FromDays(30), out var t));
            await db.SaveChangesAsync();
            return t;
        });
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
