using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Parley.Data;

namespace Parley.Audit;

/// Writes the audit entries for a SaveChanges in the same transaction, and the same batch of
/// statements, as its changes: the drafts are taken from the change tracker before the save (a deleted
/// entity is gone after it), chained under the chain lock and added to the save.
/// Registered as the app's <see cref="ISaveChangesInterceptor"/>; the benchmark swaps it for an
/// interceptor that does nothing, to measure what the audit costs.
public sealed class AuditInterceptor(AuditActors actors, IServiceProvider services) : SaveChangesInterceptor
{
    private TimeProvider Time => services.GetService<TimeProvider>() ?? TimeProvider.System;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not ParleyDbContext db || !Prepare(db)) return result;
        try
        {
            if (db.Database.CurrentTransaction is null) db.Audit.OwnTransaction = db.Database.BeginTransaction();
            Append(db, AuditChain.LockedHead(db));
        }
        catch
        {
            Finish(db, succeeded: false);
            throw;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not ParleyDbContext db || !Prepare(db)) return result;
        try
        {
            if (db.Database.CurrentTransaction is null) db.Audit.OwnTransaction = await db.Database.BeginTransactionAsync(ct);
            Append(db, await AuditChain.LockedHeadAsync(db, ct));
        }
        catch
        {
            Finish(db, succeeded: false);
            throw;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is ParleyDbContext db && db.Audit.Saving.Count > 0)
        {
            db.Audit.OwnTransaction?.Commit();
            Finish(db, succeeded: true);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is ParleyDbContext db && db.Audit.Saving.Count > 0)
        {
            if (db.Audit.OwnTransaction is { } tx) await tx.CommitAsync(ct);
            Finish(db, succeeded: true);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is ParleyDbContext db) Finish(db, succeeded: false);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is ParleyDbContext db) Finish(db, succeeded: false);
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
            sequence++;
            var entry = new AuditEntry
            {
                Sequence = sequence, At = at, ActorType = actor.Type, ActorId = actor.Id, AgencyId = actor.AgencyId, PartyId = actor.PartyId,
                Action = draft.Action, SubjectType = draft.SubjectType, SubjectId = draft.SubjectId, PayloadDigest = draft.PayloadDigest, PreviousHash = previous,
                Hash = AuditHash.Of(previous, sequence, at, actor.Type, actor.Id, actor.AgencyId, actor.PartyId,
                    draft.Action, draft.SubjectType, draft.SubjectId, draft.PayloadDigest),
            };
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
    }
}
