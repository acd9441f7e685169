using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Parley.Data;
using Parley.Notifications;

namespace Parley.Audit;

/// Turns the change tracker's added, modified and deleted entities into audit drafts. Every audited save
/// runs this inside its transaction, so what can be worked out once per entity type (the actions' names,
/// the properties in the payload's key order) is.
public static class TrackedChanges
{
    // The outbox and its delivery log are the machinery of a change already audited; the reference
    // counter only numbers requests, whose creation is audited with the number.
    private static readonly HashSet<Type> Unaudited =
        [typeof(AuditEntry), typeof(Notification), typeof(NotificationAttempt), typeof(ReferenceCounter)];

    private static readonly ConditionalWeakTable<IEntityType, Shape> Shapes = new();

    [ThreadStatic] private static List<KeyValuePair<string, string?>>? _payload;

    public static List<AuditDraft> Collect(DbContext db)
    {
        var drafts = new List<AuditDraft>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var shape = Shapes.GetValue(entry.Metadata, static type => new Shape(type));
            if (!shape.Audited) continue;
            var (state, action) = shape.Named(entry.State);
            drafts.Add(new AuditDraft(action, shape.Type, AuditHash.Field(SubjectId(entry, shape), 200), Digest(entry, shape, state)));
        }
        return drafts;
    }

    private static string SubjectId(EntityEntry entry, Shape shape)
    {
        if (shape.Key.Length == 1) return Text(entry.CurrentValues[shape.Key[0]]) ?? "";
        return string.Join('/', shape.Key.Select(p => Text(entry.CurrentValues[p])));
    }

    /// The digest of the canonical payload (<see cref="AuditHash.Digest"/>): "$state", then each property in
    /// ordinal order of its name ('$' sorts before any name); a modified entity only its modified properties and its key.
    private static string Digest(EntityEntry entry, Shape shape, string state)
    {
        var payload = _payload ??= new(32);
        payload.Clear();
        payload.Add(new("$state", state));
        var values = entry.State == EntityState.Deleted ? entry.OriginalValues : entry.CurrentValues;
        foreach (var property in shape.Properties)
        {
            if (entry.State == EntityState.Modified && !property.IsPrimaryKey() && !entry.Property(property).IsModified) continue;
            payload.Add(new(property.Name, Text(values[property])));
        }
        return AuditHash.DigestOrdered(payload);
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

    /// What the drafts of one entity type share.
    private sealed class Shape(IEntityType type)
    {
        public bool Audited { get; } = !Unaudited.Contains(type.ClrType);
        public string Type { get; } = type.ClrType.Name;
        public IProperty[] Key { get; } = [.. type.FindPrimaryKey()!.Properties];
        public IProperty[] Properties { get; } = [.. type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal)];

        private readonly (string State, string Action) _added = ("added", $"{type.ClrType.Name}.added"),
            _modified = ("modified", $"{type.ClrType.Name}.modified"), _deleted = ("deleted", $"{type.ClrType.Name}.deleted");

        public (string State, string Action) Named(EntityState state) => state switch
        {
            EntityState.Added => _added,
            EntityState.Modified => _modified,
            _ => _deleted,
        };
    }
}
