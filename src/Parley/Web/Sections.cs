using Parley.Identity;
using Parley.Oversight;
using Parley.Requests;

namespace Parley.Web;

/// The parts of the web interface and the roles that may use each, so that the navigation offers only
/// what the pages' own authorization lets through, and each role starts where its work is.
public static class Sections
{
    public sealed record Section(string Path, string Label, Roles Roles);

    /// The same roles as the policies and handlers behind each page (Policies, OversightApi.Readers).
    public const Roles CaseReaders = Roles.Officer | Roles.Supervisor | Roles.HotlineOfficer;
    public const Roles IncidentReaders = Roles.Analyst | Roles.Overseer | Roles.Officer | Roles.Supervisor;

    public static readonly IReadOnlyList<Section> All =
    [
        new("/requests", "Inbox", CaseReaders),
        new("/requests?box=out", "Outbox", CaseReaders),
        new("/requests/new", "New request", RequestStateMachine.ActingRoles),
        new("/hotline", "Hotline", CaseReaders),
        new("/oversight", "Oversight", OversightApi.Readers),
        new("/incidents", "Incidents", IncidentReaders),
        new("/admin", "Administration", Roles.Administrator),
    ];

    public static IEnumerable<Section> For(Roles roles) => All.Where(s => (s.Roles & roles) != 0);

    /// Where a role's work is: cases for officers and supervisors, the hotline console for hotline
    /// officers, the oversight report for overseers, the administration pages for administrators, the
    /// incident monitor for analysts.
    public static string Landing(Roles roles) =>
        (roles & RequestStateMachine.ActingRoles) != 0 ? "/requests"
        : (roles & Roles.HotlineOfficer) != 0 ? "/hotline"
        : (roles & Roles.Overseer) != 0 ? "/oversight"
        : (roles & Roles.Administrator) != 0 ? "/admin"
        : (roles & Roles.Analyst) != 0 ? "/incidents"
        : "/settings";
}
