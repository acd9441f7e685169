using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
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

    // Every audited save digests every changed row, inside the write transaction; the properties of a type are
    // looked up and put in the digest's key order once, not per row.
    private static readonly ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    private sealed class Shape(IEntityType type)
    {
        public readonly string Name = type.ClrType.Name;
        public readonly IProperty[] Key = [.. type.FindPrimaryKey()!.Properties];
        public readonly IProperty[] ByName = [.. type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public static List<AuditDraft> Collect(DbContext db)
    {
        var drafts = new List<AuditDraft>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (Unaudited.Contains(entry.Metadata.ClrType)) continue;
            var shape = Shapes.GetOrAdd(entry.Metadata, static type => new Shape(type));
            var state = entry.State switch { EntityState.Added => "added", EntityState.Modified => "modified", _ => "deleted" };
            var values = entry.State == EntityState.Deleted ? entry.OriginalValues : entry.CurrentValues;
            drafts.Add(new AuditDraft($"{shape.Name}.{state}", shape.Name, AuditHash.Field(SubjectId(shape, entry.CurrentValues), 200),
                AuditHash.Digest(Payload(entry, shape, values, state))));
        }
        return drafts;
    }

    private static string SubjectId(Shape shape, PropertyValues values) => shape.Key.Length == 1
        ? Text(values[shape.Key[0]]) ?? ""
        : string.Join('/', shape.Key.Select(p => Text(values[p])));

    /// "$state" first, then the properties in ordinal order of their names: the order the digest sorts them into.
    private static List<KeyValuePair<string, string?>> Payload(EntityEntry entry, Shape shape, PropertyValues values, string state)
    {
        var payload = new List<KeyValuePair<string, string?>>(shape.ByName.Length + 1) { new("$state", state) };
        foreach (var property in shape.ByName)
        {
            if (entry.State == EntityState.Modified && !property.IsPrimaryKey() && !entry.Property(property).IsModified) continue;
            payload.Add(new(property.Name, Text(values[property])));
        }
        return payload;
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
