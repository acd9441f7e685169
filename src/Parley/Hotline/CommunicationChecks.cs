using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Identity;
using Parley.Notifications;
using Parley.Audit;

namespace Parley.Hotline;

/// Starting a check (one ping to every point of contact of the mechanism's parties) and answering a ping.
public static class CommunicationChecks
{
    public static readonly TimeSpan MinAnswerWithin = TimeSpan.FromMinutes(1), MaxAnswerWithin = TimeSpan.FromDays(14);
    public static readonly TimeSpan MinEvery = TimeSpan.FromHours(1), MaxEvery = TimeSpan.FromDays(366);

    /// Adds the check, its pings and their notices to the context; the caller saves them in one go.
    public static async Task<CommunicationCheck> StartAsync(ParleyDbContext db, Guid mechanismId, TimeSpan answerWithin, Guid? startedBy,
        DateTime now, HotlineOptions options, CancellationToken ct)
    {
        var mechanism = await db.Mechanisms.AsNoTracking().SingleAsync(m => m.Id == mechanismId, ct);
        var partyIds = await db.MechanismParties.Where(mp => mp.MechanismId == mechanismId).Select(mp => mp.PartyId).ToListAsync(ct);
        var contacts = await db.PointsOfContact.AsNoTracking()
            .Join(db.Agencies.AsNoTracking(), c => c.AgencyId, a => a.Id, (c, a) => new { c, a })
            .Where(x => partyIds.Contains(x.a.PartyId)).OrderBy(x => x.a.Code).ThenBy(x => x.c.Name).ToListAsync(ct);

        var check = new CommunicationCheck
        {
            Id = Guid.CreateVersion7(now), MechanismId = mechanismId, StartedAt = now, AnswerWithin = answerWithin, DueAt = now + answerWithin,
            StartedByUserId = startedBy, WatchAt = now + answerWithin,
        };
        foreach (var x in contacts)
        {
            var token = NewToken();
            check.Pings.Add(new CommunicationCheckPing
            {
                Id = Guid.CreateVersion7(now), CheckId = check.Id, ContactId = x.c.Id, AgencyId = x.a.Id, PartyId = x.a.PartyId,
                TokenHash = Hash(token), SentAt = now, Result = PingResult.Pending,
            });
            var link = options.Link($"/api/v1/communication-checks/ack/{token}");
            var text = $"Communication check of {mechanism.Code} for {x.c.Name} ({x.a.Code}).\n\n" +
                       $"Please confirm that this channel works by opening {link} and pressing the button, " +
                       $"before {check.DueAt:yyyy-MM-dd HH:mm} UTC (within {answerWithin.TotalMinutes:0} minutes).\n";
            // The link reaches the contact's own e-mail; the agency's webhooks get it in the data (with the
            // contact's own webhook address, for a relay that knows where to post it).
            await NotificationOutbox.EnqueueAsync(db, new NotificationEvent(
                "communication-check.ping", $"communication-check:{check.Id}:contact:{x.c.Id}",
                $"[{mechanism.Code}] Communication check: please confirm by {check.DueAt:yyyy-MM-dd HH:mm} UTC", text,
                [x.a.Id], Roles.None,
                new { checkId = check.Id, mechanism = mechanism.Code, contactId = x.c.Id, contact = x.c.Name, agency = x.a.Code, dueAt = check.DueAt, ackUrl = link, contactWebhookUrl = x.c.WebhookUrl },
                x.c.Email is null ? [] : [x.c.Email]), now, ct);
        }
        db.CommunicationChecks.Add(check);
        return check;
    }

    /// Records the first answer to a ping: on time strictly before the check's DueAt, late from then on
    /// (also after the watcher has marked it Never). Later answers change nothing. True if this call recorded it.
    public static async Task<bool> AnswerAsync(ParleyDbContext db, CommunicationCheckPing ping, DateTime dueAt, DateTime now, CancellationToken ct)
    {
        var result = now < dueAt ? PingResult.OnTime : PingResult.Late;
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Conditional update: two clicks at once record one answer.
        var changed = await db.CommunicationCheckPings.Where(p => p.Id == ping.Id && p.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AnsweredAt, now).SetProperty(p => p.Result, result), ct);
        if (changed == 1)
        {
            await db.RecordAsync("CommunicationCheckPing.answered", "CommunicationCheckPing", ping.Id.ToString(),
                new Dictionary<string, string?> { ["result"] = result.ToString(), ["answeredAt"] = AuditHash.Instant(now) }, ct);
            ping.AnsweredAt = now;
            ping.Result = result;
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return changed == 1;
    }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
