using Microsoft.EntityFrameworkCore.Storage;

namespace Parley.Audit;

/// What one audit entry will say before it has its place in the chain.
public sealed record AuditDraft(string Action, string SubjectType, string SubjectId, string PayloadDigest, AuditActor? Actor = null);

/// A DbContext's audit state: entries recorded by hand (reads, sign-ins, exports) wait here and are
/// written by the next SaveChanges, together with the entries for the tracked changes.
public sealed class AuditLog
{
    internal List<AuditDraft> Pending { get; } = [];
    internal List<AuditDraft> Saving { get; } = [];
    internal List<AuditEntry> Written { get; } = [];
    internal IDbContextTransaction? OwnTransaction { get; set; }

    /// Records an action that changes no tracked entity; it is written by the next SaveChanges.
    public void Record(string action, string subjectType, string subjectId, IReadOnlyDictionary<string, string?>? payload = null, AuditActor? actor = null) =>
        Pending.Add(new AuditDraft(action, subjectType, AuditHash.Field(subjectId, 200),
            AuditHash.Digest(payload ?? new Dictionary<string, string?>()), actor));
}

public static class AuditRecording
{
    /// Records a read, export or report and writes it at once (with anything else the context has pending).
    public static async Task RecordAsync(this Parley.Data.ParleyDbContext db, string action, string subjectType, string subjectId,
        IReadOnlyDictionary<string, string?>? payload, CancellationToken ct)
    {
        db.Audit.Record(action, subjectType, subjectId, payload);
        await db.SaveChangesAsync(ct);
    }
}
