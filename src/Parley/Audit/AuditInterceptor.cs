using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data;

namespace Parley.Audit;

/// Writes the audit entries for the changes a transaction saves, in that transaction, just before it
/// commits. The drafts are taken from the change tracker before each save (a deleted entity is gone
/// after it); a save outside a transaction gets one of its own. The chain is extended only at the
/// commit, so the chain lock covers reading the head, inserting the entries and committing, and never
/// the change's own writes: a holder of the lock waits for no row lock, and audited writers overlap until
/// their commits. On PostgreSQL the entries are sent unchained and the server chains them inside the
/// COMMIT itself (<see cref="PostgresChainAppend"/>).
/// Registered as the app's <see cref="ISaveChangesInterceptor"/>; the benchmark swaps it for an
/// interceptor that does nothing, to measure what the audit costs.
public sealed class AuditInterceptor(AuditActors actors, IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<IModel, BulkInsert<AuditEntry>> _inserts = new();

    private TimeProvider? _time;

    private TimeProvider Time => _time ??= services.GetService<TimeProvider>() ?? TimeProvider.System;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ParleyDbContext db && Prepare(db))
        {
            if (db.Database.CurrentTransaction is { } current) BatchBeforeCommit(db, current);
            else
            {
                try { db.Audit.OwnTransaction = db.Database.BeginTransaction(); }
                catch { Abandon(db); throw; }
                WithoutSavepoint(db);
                BatchOnPostgres(db, []);
            }
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is ParleyDbContext db && Prepare(db))
        {
            if (db.Database.CurrentTransaction is { } current) BatchBeforeCommit(db, current);
            else
            {
                try { db.Audit.OwnTransaction = await db.Database.BeginTransactionAsync(ct); }
                catch { Abandon(db); throw; }
                WithoutSavepoint(db);
                BatchOnPostgres(db, []);
            }
        }
        return result;
    }

    /// The transaction the audit began holds this save alone: EF's savepoint around the save (two extra round
    /// trips, SAVEPOINT and RELEASE) could only ever roll back to the transaction's start, which the rollback of
    /// the whole transaction on failure does anyway.
    private static void WithoutSavepoint(ParleyDbContext db)
    {
        if (!db.Database.AutoSavepointsEnabled) return;
        db.Database.AutoSavepointsEnabled = false;
        db.Audit.SavepointsPaused = true;
    }

    private static void RestoreSavepoints(ParleyDbContext db)
    {
        if (!db.Audit.SavepointsPaused) return;
        db.Database.AutoSavepointsEnabled = true;
        db.Audit.SavepointsPaused = false;
    }

    /// On PostgreSQL a save in a transaction of its own that changes rows sends them in one batch, and its
    /// entries go at the end of that batch (<see cref="PostgresChainBatch"/>) rather than in a round trip of
    /// their own before the commit. The save is the whole transaction, so the entries are the same. So does
    /// the last save of a transaction the caller commits at once (<see cref="FinalSave"/>), with the drafts of
    /// the transaction's earlier saves (the server chains them all at the commit).
    private void BatchOnPostgres(ParleyDbContext db, List<AuditDraft> earlier)
    {
        if (db is PostgresParleyDbContext && db.Audit.Saving.Exists(d => !d.Recorded))
            db.Audit.Batched = Unchained([.. earlier, .. db.Audit.Saving], AuditHash.ToMicroseconds(Time.GetUtcNow().UtcDateTime));
    }

    private void BatchBeforeCommit(ParleyDbContext db, IDbContextTransaction current)
    {
        if (db.Audit.CommitFollows) BatchOnPostgres(db, db.Audit.AwaitingCommitOf(current.GetDbTransaction()));
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is ParleyDbContext db && Saved(db) is { } own)
        {
            using (own) own.Commit();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is ParleyDbContext db && Saved(db) is { } own)
        {
            await using (own) await own.CommitAsync(ct);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is ParleyDbContext db) Abandon(db);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is ParleyDbContext db) Abandon(db);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    // Drafts left by a transaction that was disposed without a commit or a rollback must not reach the next one.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (eventData.Context is ParleyDbContext db) db.Audit.ForgetUncommitted();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken ct = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    // Nothing uses a synchronous commit with audited changes; on SQLite the write completes synchronously anyway.
    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        TransactionCommittingAsync(transaction, eventData, result, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
    {
        if (eventData.Context is ParleyDbContext db && db.Audit.AwaitingCommitOf(transaction) is { Count: > 0 } drafts)
            await WriteAsync(db, drafts, ct);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    /// Collects this save's drafts, each naming its actor as the save happens. Reading the changes detects
    /// them; the save itself then does not detect them a second time (automatic detection is back on when the
    /// save ends, whichever way, and at the start of the next one).
    private bool Prepare(ParleyDbContext db)
    {
        var audit = db.Audit;
        audit.Saving.Clear();
        RestoreDetection(db);
        RestoreSavepoints(db);
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            audit.DetectionPaused = true;
        }
        var current = actors.Current();
        foreach (var draft in TrackedChanges.Collect(db)) audit.Saving.Add(draft with { Actor = current });
        foreach (var draft in audit.Pending) audit.Saving.Add(draft.Actor is null ? draft with { Actor = current } : draft);
        return audit.Saving.Count > 0;
    }

    private static void RestoreDetection(ParleyDbContext db)
    {
        if (!db.Audit.DetectionPaused) return;
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.Audit.DetectionPaused = false;
    }

    /// Hands this save's drafts to its transaction; returns the transaction the audit began, to commit.
    private static IDbContextTransaction? Saved(ParleyDbContext db)
    {
        var audit = db.Audit;
        RestoreDetection(db);
        RestoreSavepoints(db);
        audit.Batched = null;
        if (audit.Saving.Count == 0 || db.Database.CurrentTransaction is not { } transaction) return null;
        audit.Saved(transaction.GetDbTransaction());
        var own = audit.OwnTransaction;
        audit.OwnTransaction = null;
        return own;
    }

    /// The save failed: its drafts are dropped, recorded entries stay pending, and a transaction the audit began is rolled back.
    private static void Abandon(ParleyDbContext db)
    {
        RestoreDetection(db);
        RestoreSavepoints(db);
        db.Audit.Saving.Clear();
        db.Audit.Batched = null;
        db.Audit.WrittenInBatch = false;
        db.Audit.OwnTransaction?.Dispose();
        db.Audit.OwnTransaction = null;
    }

    private static void Forget(TransactionEventData eventData)
    {
        if (eventData.Context is ParleyDbContext db) db.Audit.ForgetUncommitted();
    }

    /// Writes the entries in the committing transaction (SQLite: under its write lock, the head read and the entries
    /// chained here; PostgreSQL: sent unchained, chained by the server at the commit):
    /// one per actor, whatever number of rows the transaction changed (each row an extra entry made audited
    /// submits ~25 % slower). The instant never goes back along the chain, so a time range is a sequence range.
    private async Task WriteAsync(ParleyDbContext db, List<AuditDraft> drafts, CancellationToken ct)
    {
        var entries = Unchained(drafts, AuditHash.ToMicroseconds(Time.GetUtcNow().UtcDateTime));
        if (db is PostgresParleyDbContext)
        {
            await PostgresChainAppend.AppendAsync(db, entries, ct);
            return;
        }
        var (sequence, previous, headAt) = await AuditChain.LockedHeadOnSqliteAsync(db, ct);
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i] = AuditChain.Placed(entries[i], ++sequence, entries[i].At > headAt ? entries[i].At : headAt, previous);
            previous = entries[i].Hash;
        }
        await _inserts.GetValue(db.Model, _ => new BulkInsert<AuditEntry>(db)).InsertFewAsync(db, entries, ct);
    }

    /// The entries without their place in the chain (sequence, previous hash, hash): one per actor.
    private static List<AuditEntry> Unchained(List<AuditDraft> drafts, DateTime now) =>
        drafts.GroupBy(d => d.Actor ?? AuditActor.System).Select(group =>
        {
            var actor = group.Key;
            var (lead, others) = Lead(group.ToList());
            return new AuditEntry
            {
                At = now, ActorType = actor.Type, ActorId = actor.Id, AgencyId = actor.AgencyId, PartyId = actor.PartyId,
                Action = lead.Action, SubjectType = lead.SubjectType, SubjectId = lead.SubjectId,
                PayloadDigest = AuditHash.Combined([lead.PayloadDigest, .. others.Select(o => o.PayloadDigest)]),
                Changes = string.Join('\n', others.Select(o => $"{o.Action} {o.SubjectType}:{o.SubjectId}")),
            };
        }).ToList();

    /// What names the entry: the first action recorded by hand (a sign-in, an export), else the first changed row.
    private static (AuditDraft Lead, List<AuditDraft> Others) Lead(List<AuditDraft> drafts)
    {
        var lead = drafts.Find(d => d.Recorded) ?? drafts[0];
        drafts.Remove(lead);
        return (lead, drafts);
    }
}
