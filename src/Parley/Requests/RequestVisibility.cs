using System.Linq.Expressions;
using Parley.Identity;

namespace Parley.Requests;

/// <see cref="RequestStateMachine.CanSee"/> as a query filter. Lookups put it in their WHERE clause, so that
/// another party's request and an id that names nothing run the same statements (no timing oracle).
public static class RequestVisibility
{
    public static Expression<Func<Request, bool>> For(Actor actor)
    {
        var party = actor.PartyId;
        return r => r.FromPartyId == party || (r.ToPartyId == party && r.Status != RequestStatus.Draft);
    }

    /// Ids of the requests the caller can see, as a subquery for the objects that hang off a request.
    public static IQueryable<Guid> IdsFor(IQueryable<Request> requests, Actor actor) =>
        requests.Where(For(actor)).Select(r => r.Id);
}
