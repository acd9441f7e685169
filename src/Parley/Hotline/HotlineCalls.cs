using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Directory;
using Parley.Identity;
using Parley.Notifications;

namespace Parley.Hotline;

/// Who a new session calls on each side, and the notice that tells them.
public static class HotlineCalls
{
    /// A side's callee: a user, a point of contact, or neither (nobody rostered and no always-on contact;
    /// then the party's hotline officers are told).
    public sealed record Call(Guid PartyId, User? User, PointOfContact? Contact, Guid? ContactAgencyId);

    public static async Task<List<Call>> ResolveAsync(ParleyDbContext db, IReadOnlyList<CallInput> inputs, IReadOnlyDictionary<Guid, Party> parties,
        DateTime now, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var explicitCalls = new Dictionary<Guid, Call>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var field = $"calls[{i}]";
            var party = parties.Values.FirstOrDefault(p => string.Equals(p.Code, input?.Party?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (party is null) { errors[$"{field}.party"] = [$"party is the code of a party of the mechanism ({string.Join(", ", parties.Values.Select(p => p.Code))})."]; continue; }
            if (explicitCalls.ContainsKey(party.Id)) { errors[$"{field}.party"] = [$"{party.Code} is named twice."]; continue; }
            if ((input.User is null) == (input.ContactId is null)) { errors[field] = ["Name either user or contactId."]; continue; }
            if (input.User is not null)
            {
                var user = await (Guid.TryParse(input.User, out var uid)
                    ? db.Users.AsNoTracking().Include(u => u.Agency).SingleOrDefaultAsync(u => u.Id == uid, ct)
                    : db.Users.AsNoTracking().Include(u => u.Agency).SingleOrDefaultAsync(u => u.UserName == input.User.Trim(), ct));
                if (user is null || user.Agency!.PartyId != party.Id) errors[$"{field}.user"] = [$"No user '{input.User}' in {party.Code}."];
                else explicitCalls[party.Id] = new Call(party.Id, user, null, null);
            }
            else
            {
                var contact = await db.PointsOfContact.AsNoTracking().Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => new { c, a })
                    .SingleOrDefaultAsync(x => x.c.Id == input.ContactId, ct);
                if (contact is null || contact.a.PartyId != party.Id) errors[$"{field}.contactId"] = [$"No point of contact {input.ContactId} in {party.Code}."];
                else explicitCalls[party.Id] = new Call(party.Id, null, contact.c, contact.a.Id);
            }
        }
        if (errors.Count > 0) return [];

        var onCall = await OnCall.AtAsync(db, parties.Keys.Where(p => !explicitCalls.ContainsKey(p)).ToList(), now, ct);
        var calls = explicitCalls.Values.ToList();
        foreach (var answer in onCall)
        {
            if (answer.Holders.Count > 0) calls.Add(new Call(answer.PartyId, answer.Holders[0].User, null, null));
            else if (answer.Fallback.Count > 0) calls.Add(new Call(answer.PartyId, null, answer.Fallback[0].Contact, answer.Fallback[0].Agency.Id));
            else calls.Add(new Call(answer.PartyId, null, null, null));
        }
        return calls;
    }

    public static async Task NotifyAsync(ParleyDbContext db, HotlineSession session, Mechanism mechanism, Party party, Call call, Actor opener,
        HotlineOptions options, DateTime now, CancellationToken ct)
    {
        var link = options.Link($"/api/v1/hotline/sessions/{session.Id}");
        var text = $"{opener.UserName} opened a hotline session of {mechanism.Code} at {now:yyyy-MM-dd HH:mm} UTC and calls {party.Code}.\n\n" +
                   $"Subject: {session.Subject}\n\nAcknowledge for your side: POST {link}/acknowledge\nThe session: {link}\n";
        var data = new { sessionId = session.Id, mechanism = mechanism.Code, party = party.Code, subject = session.Subject, escalationId = session.EscalationId, link };
        var key = $"hotline-session:{session.Id}:called:{party.Code}";
        NotificationEvent e;
        if (call.User is { } user)
            e = new NotificationEvent("hotline.called", key, $"[{mechanism.Code}] Hotline call: {session.Subject}", text, [user.AgencyId], Roles.None, data,
                user.Email is null ? [] : [user.Email]);
        else if (call.Contact is { } contact)
            e = new NotificationEvent("hotline.called", key, $"[{mechanism.Code}] Hotline call: {session.Subject}", text, [call.ContactAgencyId!.Value], Roles.None, data,
                contact.Email is null ? [] : [contact.Email]);
        else
        {
            var agencies = await db.Agencies.Where(a => a.PartyId == party.Id).Select(a => a.Id).ToListAsync(ct);
            e = new NotificationEvent("hotline.called", key, $"[{mechanism.Code}] Hotline call: {session.Subject}", text, agencies, Roles.HotlineOfficer, data);
        }
        await NotificationOutbox.EnqueueAsync(db, e, now, ct);
    }
}
