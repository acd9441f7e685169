using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Parley.Data;

namespace Parley.Audit;

/// Writes the audit entries for a SaveChanges in the same transaction as its changes: the drafts are
/// taken before the save (a deleted entity is gone after it), the entries are chained and inserted
/// after it, under the chain lock, which is held only from there to the commit.
/// Registered as the app's <see cref="ISaveChangesInterceptor"/>; the benchmark swaps it for an
/// interceptor that does nothing, to measure what the audit costs.
public sealed class AuditInterceptor(AuditActors actors, IServiceProvider services) : SaveChangesInterceptor
{
    private TimeProvider Time => services.GetService<TimeProvider>() ?? TimeProvider.System;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ParleyDbContext db && !db.Audit.Appending && Prepare(db) && db.Database.CurrentTransaction is null)
            db.Audit.OwnTransaction = db.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is ParleyDbContext db && !db.Audit.Appending && Prepare(db) && db.Database.CurrentTransaction is null)
            db.Audit.OwnTransaction = await db.Database.BeginTransactionAsync(ct);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not ParleyDbContext db || db.Audit.Appending || db.Audit.Saving.Count == 0) return result;
        try
        {
            db.Audit.Appending = true;
            AuditChain.Lock(db);
            Append(db, AuditChain.Head(db));
            db.SaveChanges();
            db.Audit.OwnTransaction?.Commit();
            Finish(db, succeeded: true);
        }
        catch
        {
            Finish(db, succeeded: false);
            throw;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is not ParleyDbContext db || db.Audit.Appending || db.Audit.Saving.Count == 0) return result;
        try
        {
            db.Audit.Appending = true;
            await AuditChain.LockAsync(db, ct);
            Append(db, await AuditChain.HeadAsync(db, ct));
            await db.SaveChangesAsync(ct);
            if (db.Audit.OwnTransaction is { } tx) await tx.CommitAsync(ct);
            Finish(db, succeeded: true);
        }
        catch
        {
            Finish(db, succeeded: false);
            throw;
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is ParleyDbContext db && !db.Audit.Appending) Finish(db, succeeded: false);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is ParleyDbContext db && !db.Audit.Appending) Finish(db, succeeded: false);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    private static bool Prepare(ParleyDbContext db)
    {
        db.Audit.Saving.Clear();
        db.Audit.Saving.AddRange(TrackedChanges.Collect(db));
        db.Audit.Saving.AddRange(db.Audit.Pending);
        return db.Audit.Saving.Count > 0;
    }

    private void Append(ParleyDbContext db, (long Sequence, string Hash) head)
    {
        var at = AuditHash.ToMicroseconds(Time.GetUtcNow().UtcDateTime);
        var current = actors.Current();
        var (sequence, previous) = head;
        foreach (var draft in db.Audit.Saving)
        {
            var actor = draft.Actor ?? current;
            var entry = new AuditEntry
            {
                Sequence = ++sequence, At = at, ActorType = actor.Type, ActorId = actor.Id, AgencyId = actor.AgencyId, PartyId = actor.PartyId,
                Action = draft.Action, SubjectType = draft.SubjectType, SubjectId = draft.SubjectId, PayloadDigest = draft.PayloadDigest, PreviousHash = previous,
            };
            entry = AuditChain.Sealed(entry);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
            db.Audit.Written.Add(entry);
        }
    }

    /// Leaves the context ready for the next SaveChanges: on failure the pending entries stay pending
    /// and a transaction the audit began is rolled back with the change.
    private static void Finish(ParleyDbContext db, bool succeeded)
    {
        var audit = db.Audit;
        if (succeeded) audit.Pending.Clear();
        // Written entries are never read back through this context; tracking them would only slow its later saves.
        foreach (var entry in audit.Written)
            db.Entry(entry).State = EntityState.Detached;
        audit.Written.Clear();
        audit.Saving.Clear();
        audit.OwnTransaction?.Dispose();
        audit.OwnTransaction = null;
        audit.Appending = false;
    }
}
