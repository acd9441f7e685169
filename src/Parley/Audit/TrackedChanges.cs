using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Parley.Data;
using Parley.Notifications;

namespace Parley.Audit;

/// Turns the change tracker's added, modified and deleted entities into audit drafts.
public static class TrackedChanges
{
    // The outbox and its delivery log are the machinery of a change already audited; the reference
    // counter only numbers requests, whose creation is audited with the number.
    private static readonly HashSet<Type> Unaudited =
        [typeof(AuditEntry), typeof(Notification), typeof(NotificationAttempt), typeof(ReferenceCounter)];

    public static List<AuditDraft> Collect(DbContext db)
    {
        var drafts = new List<AuditDraft>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (Unaudited.Contains(entry.Metadata.ClrType)) continue;
            var state = entry.State.ToString().ToLowerInvariant();
            var type = entry.Metadata.ClrType.Name;
            drafts.Add(new AuditDraft($"{type}.{state}", type, AuditHash.Field(SubjectId(entry), 200), AuditHash.Digest(Payload(entry, state))));
        }
        return drafts;
    }

    private static string SubjectId(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));

    private static IEnumerable<KeyValuePair<string, string?>> Payload(EntityEntry entry, string state)
    {
        yield return new("$state", state);
        foreach (var property in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !property.IsModified && !property.Metadata.IsPrimaryKey()) continue;
            var value = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
            yield return new(property.Metadata.Name, Text(value));
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => AuditHash.Instant(d),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable => JsonSerializer.Serialize(value),
        _ => value.ToString(),
    };
}
