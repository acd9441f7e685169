using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Parley.Audit;
using Parley.Requests;
using Parley.Tests.Infrastructure;
using Parley.Tests.Requests;

namespace Parley.Tests.Audit;

/// The digest of each tracked change is the canonical JSON README "Audit trail" documents: "$state" and the
/// row's properties (a modified row: its modified properties and its key) as strings, keys in ordinal order,
/// as JsonSerializer writes a SortedDictionary. Computed here the slow, obvious way and compared.
public sealed class TrackedChangesTests() : AppTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task EachChange_IsDigestedAsTheDocumentedPayload_AddedModifiedAndDeleted()
    {
        var id = Guid.Parse(await RequestBodies.SubmitAsync(App));

        await App.WithDbAsync(async db =>
        {
            var request = await db.Requests.SingleAsync(r => r.Id == id);
            request.Subject = "A new subject with \"quotes\", <tags> and 北京";
            var indicators = await db.Set<RequestIndicator>().Where(i => i.RequestId == id).ToListAsync();
            db.Remove(indicators[0]);
            db.Add(new RequestEvent
            {
                Id = Guid.NewGuid(), RequestId = id, Sequence = 99, Type = RequestEventType.Acknowledged, OccurredAt = new DateTime(2026, 12, 3, 6, 30, 1, 123, DateTimeKind.Utc).AddTicks(4567),
                ActorUserId = Guid.NewGuid(), ActorAgencyId = Guid.NewGuid(), Message = null, Payload = "{\"a\":1}",
            });

            var expected = db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .ToDictionary(e => $"{e.Metadata.ClrType.Name}.{e.State.ToString().ToLowerInvariant()}", Documented);
            var drafts = TrackedChanges.Collect(db);

            Assert.Equal(["Request.modified", "RequestEvent.added", "RequestIndicator.deleted"], drafts.Select(d => d.Action).Order());
            Assert.All(drafts, d => Assert.Equal(expected[d.Action], d.PayloadDigest));
            Assert.Equal(id.ToString("D"), drafts.Single(d => d.Action == "Request.modified").SubjectId);
            Assert.Equal(indicators[0].Id.ToString("D"), drafts.Single(d => d.Action == "RequestIndicator.deleted").SubjectId);
            // Twice in a row on the same thread gives the same digests (the writer and buffer are reused).
            Assert.Equal(drafts.Select(d => d.PayloadDigest), TrackedChanges.Collect(db).Select(d => d.PayloadDigest));
            return 0;
        });
    }

    private static string Documented(EntityEntry entry)
    {
        var payload = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["$state"] = entry.State.ToString().ToLowerInvariant() };
        foreach (var property in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !property.IsModified && !property.Metadata.IsPrimaryKey()) continue;
            payload[property.Metadata.Name] = Text(entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue);
        }
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(payload)));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable => JsonSerializer.Serialize(value),
        _ => value.ToString(),
    };
}
