using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Parley.Data;

/// Marks every DateTime read back from the database as UTC, which SQLite cannot remember.
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
