using Parley.Identity;
using Parley.Requests;
using static Parley.Requests.RequestAction;
using static Parley.Requests.RequestStatus;

namespace Parley.Tests.Requests;

/// Every action in every state, for every kind of user: the allowed set is written out by hand.
public sealed class RequestStateMachineTests
{
    private static readonly Guid Us = Guid.NewGuid(), Cn = Guid.NewGuid(), Gb = Guid.NewGuid();
    private static readonly Guid Fbi = Guid.NewGuid(), Dhs = Guid.NewGuid(), Mps = Guid.NewGuid(), Mss = Guid.NewGuid(), Nca = Guid.NewGuid();

    private static Actor User(Guid agency, Guid party, Roles roles) => new(Guid.NewGuid(), "u", agency, party, roles, null);

    private static readonly Dictionary<string, Actor> Users = new()
    {
        ["requesting officer"] = User(Fbi, Us, Roles.Officer),
        ["requesting supervisor"] = User(Fbi, Us, Roles.Supervisor),
        ["requesting party, other agency"] = User(Dhs, Us, Roles.Officer),
        ["requesting hotline officer"] = User(Fbi, Us, Roles.HotlineOfficer),
        ["responding officer"] = User(Mps, Cn, Roles.Officer),
        ["responding supervisor"] = User(Mps, Cn, Roles.Supervisor),
        ["responding overseer"] = User(Mps, Cn, Roles.Overseer),
        ["responding administrator"] = User(Mps, Cn, Roles.Administrator),
        ["third party officer"] = User(Nca, Gb, Roles.Officer),
    };

    private static readonly RequestAction[] None = [];
    private static readonly RequestAction[] Requester = [Submit, Clarify, Close, Withdraw];
    private static readonly RequestAction[] Responder = [Acknowledge, StartWork, RequestClarification, PartialAnswer, FinalAnswer, Decline];

    /// What the lifecycle allows from each state, regardless of who asks.
    private static readonly Dictionary<RequestStatus, RequestAction[]> Allowed = new()
    {
        [Draft] = [Submit, Withdraw],
        [Submitted] = [Acknowledge, Decline, Withdraw],
        [Acknowledged] = [StartWork, RequestClarification, PartialAnswer, FinalAnswer, Decline, Withdraw],
        [InProgress] = [RequestClarification, PartialAnswer, FinalAnswer, Decline, Withdraw],
        [AwaitingClarification] = [Clarify, Decline, Withdraw],
        [Answered] = [Close],
        [Closed] = [],
        [Declined] = [],
        [Withdrawn] = [],
    };

    private static RequestAction[] ExpectedFor(string user, RequestStatus status, Guid? toAgency)
    {
        var side = user switch
        {
            "requesting officer" or "requesting supervisor" => Requester,
            "responding officer" or "responding supervisor" => toAgency == Mss ? None : Responder,
            _ => None,
        };
        return Allowed[status].Intersect(side).Order().ToArray();
    }

    public static IEnumerable<object[]> Cases() =>
        from status in Enum.GetValues<RequestStatus>()
        from user in Users.Keys
        from toAgency in new Guid?[] { null, Mss }
        select new object[] { status, user, toAgency is null ? "party" : "MSS" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AllowedActions_ForEachStateAndUser_MatchTheTable(RequestStatus status, string user, string addressedTo)
    {
        var toAgency = addressedTo == "MSS" ? Mss : (Guid?)null;
        var request = new Request
        {
            Subject = "s", Narrative = "n", Status = status, FromPartyId = Us, FromAgencyId = Fbi, ToPartyId = Cn, ToAgencyId = toAgency,
        };
        Assert.Equal(ExpectedFor(user, status, toAgency), RequestStateMachine.AllowedActions(request, Users[user]).Order().ToArray());
    }

    [Fact]
    public void Rules_EveryActionFromEveryState_IsAllowedExactlyWhereTheTableSays()
    {
        foreach (var status in Enum.GetValues<RequestStatus>())
            foreach (var action in Enum.GetValues<RequestAction>())
                Assert.Equal(Allowed[status].Contains(action), RequestStateMachine.Rules[action].From.Contains(status));
    }

    [Theory]
    [InlineData("requesting officer", true)]
    [InlineData("requesting party, other agency", true)]
    [InlineData("responding officer", true)]
    [InlineData("third party officer", false)]
    public void CanSee_SubmittedRequest_OnlyTheTwoParties(string user, bool visible) =>
        Assert.Equal(visible, RequestStateMachine.CanSee(new Request { Subject = "s", Narrative = "n", Status = Submitted, FromPartyId = Us, FromAgencyId = Fbi, ToPartyId = Cn }, Users[user]));

    [Fact]
    public void CanSee_Draft_OnlyTheRequestingParty()
    {
        var draft = new Request { Subject = "s", Narrative = "n", Status = Draft, FromPartyId = Us, FromAgencyId = Fbi, ToPartyId = Cn };
        Assert.True(RequestStateMachine.CanSee(draft, Users["requesting party, other agency"]));
        Assert.False(RequestStateMachine.CanSee(draft, Users["responding supervisor"]));
    }
}
