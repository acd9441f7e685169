using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parley.Audit;

/// One change or recorded action before it has its place in the chain. <paramref name="Recorded"/>: recorded
/// by hand (a sign-in, an export), which names the entry when a transaction also changes tracked rows.
public sealed record AuditDraft(string Action, string SubjectType, string SubjectId, string PayloadDigest, AuditActor? Actor = null, bool Recorded = false)
{
    /// An action recorded by hand, its payload reduced to the digest.
    public static AuditDraft ByHand(string action, string subjectType, string subjectId, IEnumerable<KeyValuePair<string, string?>> payload, AuditActor? actor) =>
        new(action, subjectType, AuditHash.Field(subjectId, 200), AuditHash.Digest(payload), actor, Recorded: true);
}

/// A DbContext's audit state: entries recorded by hand (reads, sign-ins, exports) wait here and are
/// written by the next SaveChanges, together with the entries for the tracked changes.
public sealed class AuditLog
{
    internal List<AuditDraft> Pending { get; } = [];
    /// The drafts of the SaveChanges under way.
    internal List<AuditDraft> Saving { get; } = [];
    /// The drafts of the saves made in <see cref="UncommittedIn"/>; they are chained when it commits.
    internal List<AuditDraft> Uncommitted { get; } = [];
    internal DbTransaction? UncommittedIn { get; set; }
    internal IDbContextTransaction? OwnTransaction { get; set; }
    /// PostgreSQL, a save in a transaction of its own: the entries that go at the end of the save's batch
    /// (<see cref="PostgresChainAppend.AppendTo"/>), and whether they went.
    internal List<AuditEntry>? Batched { get; set; }
    internal bool WrittenInBatch { get; set; }
    /// The save under way is the last before its transaction commits (<see cref="FinalSave.SaveAndCommitAsync"/>).
    internal bool CommitFollows { get; set; }
    /// The save under way turned the change tracker's automatic detection off, having detected the changes itself.
    internal bool DetectionPaused { get; set; }
    /// The save under way turned EF's automatic savepoints off, in the transaction the audit began for it.
    internal bool SavepointsPaused { get; set; }

    /// Records an action that changes no tracked entity; it is written by the next SaveChanges.
    public void Record(string action, string subjectType, string subjectId, IReadOnlyDictionary<string, string?>? payload = null, AuditActor? actor = null) =>
        Pending.Add(AuditDraft.ByHand(action, subjectType, subjectId, payload ?? new Dictionary<string, string?>(), actor));

    /// The save succeeded inside <paramref name="transaction"/>: its drafts wait for that transaction's commit,
    /// unless they went in the save's own batch (with those of the transaction's earlier saves).
    internal void Saved(DbTransaction transaction)
    {
        if (WrittenInBatch)
        {
            WrittenInBatch = false;
            ForgetUncommitted();
        }
        else
        {
            if (!ReferenceEquals(UncommittedIn, transaction)) Uncommitted.Clear();
            UncommittedIn = transaction;
            Uncommitted.AddRange(Saving);
        }
        Saving.Clear();
        Pending.Clear();
    }

    /// The drafts waiting for <paramref name="transaction"/>'s commit; none if they belong to another.
    internal List<AuditDraft> AwaitingCommitOf(DbTransaction transaction) =>
        ReferenceEquals(UncommittedIn, transaction) ? Uncommitted : [];

    internal void ForgetUncommitted()
    {
        Uncommitted.Clear();
        UncommittedIn = null;
    }
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
