using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Requests;

namespace Parley.Hotline;

/// Loads what a session's representation names (mechanism and party codes, users, contacts, requests) in a few queries.
public sealed class HotlineSessionMapping
{
    private Dictionary<Guid, string> _mechanisms = new(), _parties = new();
    private Dictionary<Guid, UserRef> _users = new();
    private Dictionary<Guid, ContactRef> _contacts = new();
    private Dictionary<Guid, LinkedRequestDto> _requests = new();

    public static async Task<HotlineSessionMapping> LoadAsync(ParleyDbContext db, IReadOnlyCollection<HotlineSession> sessions, CancellationToken ct)
    {
        var participants = sessions.SelectMany(s => s.Participants).ToList();
        var userIds = sessions.Select(s => s.OpenedByUserId).Concat(sessions.Select(s => s.ClosedByUserId ?? Guid.Empty))
            .Concat(participants.Select(p => p.CalledUserId ?? Guid.Empty)).Concat(participants.Select(p => p.AcknowledgedByUserId ?? Guid.Empty))
            .Concat(sessions.SelectMany(s => s.Notes).Select(n => n.AuthorUserId)).Distinct().ToList();
        var contactIds = participants.Where(p => p.CalledContactId != null).Select(p => p.CalledContactId!.Value).Distinct().ToList();
        var requestIds = sessions.SelectMany(s => s.Requests).Select(r => r.RequestId).Distinct().ToList();
        return new HotlineSessionMapping
        {
            _mechanisms = await db.Mechanisms.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Code, ct),
            _parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct),
            _users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => new UserRef(u.Id, u.UserName, u.DisplayName, u.Email), ct),
            _contacts = await db.PointsOfContact.AsNoTracking().Where(c => contactIds.Contains(c.Id))
                .Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => new ContactRef(c.Id, a.Code, c.Name, c.Email, c.Phone)).ToDictionaryAsync(c => c.Id, ct),
            _requests = requestIds.Count == 0 ? new() : await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => new LinkedRequestDto(r.Id, r.Reference, r.Subject, r.Status), ct),
        };
    }

    private UserRef? User(Guid? id) => id is { } v && _users.TryGetValue(v, out var u) ? u : null;

    private ParticipantDto Participant(HotlineParticipant p) => new(_parties[p.PartyId], User(p.CalledUserId),
        p.CalledContactId is { } c ? _contacts.GetValueOrDefault(c) : null, p.CalledAt, p.AcknowledgedAt, User(p.AcknowledgedByUserId),
        p.AcknowledgedAt - p.CalledAt);

    private IReadOnlyList<ParticipantDto> Participants(HotlineSession s) =>
        s.Participants.OrderBy(p => _parties[p.PartyId]).Select(Participant).ToList();

    public SessionSummary ToSummary(HotlineSession s) => new(s.Id, _mechanisms[s.MechanismId], s.EscalationId, s.Subject, s.Status,
        s.OpenedAt, s.ClosedAt, s.Outcome, Participants(s));

    public SessionDetail ToDetail(HotlineSession s) => new(s.Id, _mechanisms[s.MechanismId], s.EscalationId, s.Subject, s.Status,
        s.OpenedAt, User(s.OpenedByUserId)!, _parties[s.OpenedByPartyId], s.ClosedAt, User(s.ClosedByUserId), s.Outcome, s.OutcomeNote, s.Version,
        Participants(s),
        s.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new SessionNoteDto(n.Id, n.At, User(n.AuthorUserId)!, _parties[n.AuthorPartyId], n.Text)).ToList(),
        s.Requests.Select(r => _requests[r.RequestId]).OrderBy(r => r.Reference).ToList());
}
