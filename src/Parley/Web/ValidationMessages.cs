using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Parley.Web;

/// The API's validation messages are English sentences with values in them (e.g. "'Mars/Base' is not an IANA
/// time zone."). The pages show them in the reader's language by recognising the sentence's template and
/// translating that, values kept. A message no template matches is shown as it is.
public static class ValidationMessages
{
    /// Every message form the pages can show, with its values as {0}, {1}…; each needs a zh-Hans translation.
    public static readonly IReadOnlyList<string> Templates =
    [
        "'{0}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY).",
        "'{0}' is not a date (YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY).",
        "'{0}' is not a date.",
        "'{0}' is not a known {1}.",
        "'{0}' is not a mechanism between these two parties.",
        "'{0}' is not a {1}; use one of {2}.",
        "'{0}' is not an IANA time zone.",
        "'{0}' is not an ISO 3166 alpha-2 code.",
        "'{0}' is not an event type: use e.g. \"escalation.raised\", \"escalation.*\" or \"*\".",
        "'{0}' is not an http(s) URL.",
        "'{0}' is taken.",
        "A mechanism joins at least two parties.",
        "A mechanism you create includes your own party.",
        "A password has at least {0} characters.",
        "A password has at most {0} characters.",
        "A password may not contain the user name.",
        "A positive number of hours, e.g. 4 or 0.5.",
        "A request goes to another party.",
        "A time of day, e.g. 09:00.",
        "A working week has at least one day.",
        "Add users to an agency of your own party, {0}.",
        "After {0}, the monthly rate of {1} {2} ({3} in the {4} months before, {5} in the {4} after); rate ratio {6}, 95% CI {7}, {8}{9}.",
        "An incident with the same {0} is already registered.",
        "An indicator cannot be null.",
        "Another change to the draft landed first; read it again and retry.",
        "Another change to the request landed first; read it again and retry.",
        "At most {0} indicators per request.",
        "Choose a CSV or JSON file to import.",
        "Choose the agency the contact belongs to.",
        "Each date appears once.",
        "Each line is a type (ipv4, ipv6, domain, url, file-hash, email) and a value.",
        "Each rung is an object.",
        "Give at least one event type, or \"*\" for all.",
        "Line {0}: write a date and a name, e.g. 2026-12-25 Christmas Day.",
        "Malformed Basic credentials.",
        "Mechanism '{0}' exists.",
        "Mechanism {0} has no timeline policy for that priority.",
        "Mechanism {0} has no timeline policy for {1} requests.",
        "No Parley user '{0}' in {1}, and this provider does not create users.",
        "No agency '{0}' in party '{1}'.",
        "No agency '{0}' of party {1} for this provider.",
        "No mechanism '{0}' that your party belongs to.",
        "No party with code '{0}'.",
        "None of the user's groups maps to a Parley role.",
        "Not a Parley API token.",
        "One policy per priority.",
        "Only a draft can be edited; a submitted request changes only through its steps.",
        "Only officers and supervisors send requests.",
        "Only the requesting agency's officers and supervisors edit a draft.",
        "Only the {0} side's officers and supervisors may {1} this request.",
        "Rungs are numbered 1 to {0}, each once.",
        "Several mechanisms join these parties; name one of: {0}.",
        "Sign in with your user name and password first.",
        "Spans are positive and ordered: acknowledge ≤ first answer ≤ final answer.",
        "The code is wrong, expired or already used.",
        "The current password is wrong.",
        "The draft has changed since you read it.",
        "The mechanism already has a commitment '{0}'.",
        "The mechanism has no timeline policy for this priority.",
        "The oversight report is read by overseers, supervisors, hotline officers and administrators.",
        "The period must end after it starts.",
        "The provider sent no subject or user name.",
        "The register has no incidents on one side of the split; give months.",
        "The register has no incidents.",
        "The request has changed since you read it; it is now at ETag {0}.",
        "The token is unknown, revoked or expired, or its user is disabled.",
        "The two parties share no mechanism.",
        "The user name '{0}' is taken.",
        "There is no mechanism '{0}'.",
        "There is no request {0}.",
        "There is no such commitment.",
        "This password is on a list of common or breached passwords; choose another.",
        "This point of contact has communication-check results, which must keep naming it; change its details instead.",
        "Too many event types.",
        "Unknown party: {0}.",
        "Unknown user name or wrong password, or too many failed attempts; try again in a few minutes.",
        "User '{0}' belongs to another agency than the provider names.",
        "You cannot disable your own account: another administrator of your party can.",
        "You cannot remove your own administrator role: another administrator of your party can.",
        "Your party has no agency '{0}'.",
        "Your roles do not allow the scope(s) {0}.",
        "a source has a url or a title.",
        "acknowledgeWithin is a positive time span of at most 30 days, e.g. \"04:00:00\".",
        "activityEnd is before activityStart.",
        "agency is 'mine' or absent.",
        "agencyId must be an agency of your own party.",
        "at most {0} sources.",
        "at most {0} values.",
        "attributedBy is too long.",
        "code must match the address.",
        "commitmentId is required.",
        "confidence is low, medium or high.",
        "daysValid is between 1 and 366.",
        "description is too long.",
        "direction is in, out or all.",
        "firstSeen is required (YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY).",
        "format is json, csv or html.",
        "from is a date (YYYY-MM-DD) or an instant with an offset (2016-01-01T00:00:00Z).",
        "groupBy is sponsor, victim, sector, category or intrusion-set.",
        "id is too long.",
        "interval is month, quarter or year.",
        "kind is required.",
        "language is English (en), Chinese (zh-Hans) or the browser's.",
        "levels holds 1 to {0} rungs.",
        "minConfidence is low, medium or high.",
        "months is between 1 and 600.",
        "name is 1–200 characters.",
        "name is 1–{0} characters.",
        "note is too long.",
        "notify is one or more of officer, supervisor, hotline-officer.",
        "page starts at 1.",
        "pageSize is between 1 and {0}.",
        "party {0} is new: give its IANA time zone with --time-zone.",
        "partyCode must be your own party.",
        "priority is required.",
        "roles are one or more of {0}.",
        "scopes are one or more of {0}.",
        "sort is due, created or updated.",
        "split is a day (YYYY-MM-DD).",
        "split is required (YYYY-MM-DD), or give a mechanism to split at its agreement date.",
        "title has at most {0} characters.",
        "title is required.",
        "tlp is required (clear, green, amber, amber+strict or red).",
        "to is a date (YYYY-MM-DD) or an instant with an offset (2016-12-31T00:00:00Z).",
        "to is before from.",
        "toParty is required (ISO 3166 code of the receiving party).",
        "type is required.",
        "url must be an absolute http or https address.",
        "userName is 1–64 characters without spaces.",
        "value is required.",
        "value is too long.",
        "workdayEnd must be after workdayStart.",
        "{0} Nothing was imported.",
        "{0} already has an agency '{1}'.",
        "{0} has more than {1} entries.",
        "{0} has no agency '{1}'.",
        "{0} is longer than {1} characters.",
        "{0} is required to {1}.",
        "{0} is required.",
    ];

    private static readonly Regex Placeholder = new(@"\{(\d+)\}", RegexOptions.CultureInvariant);

    // Fewer values first, so "title is required." is its own template rather than "{0} is required." with "title".
    private static readonly (string Template, Regex Pattern)[] Patterns = Templates
        .OrderBy(t => Placeholder.Count(t)).ThenByDescending(t => t.Length)
        .Select(t => (t, Compile(t))).ToArray();

    /// The template of an English message and the values it holds, or null when no template matches.
    public static (string Template, string[] Arguments)? Match(string message)
    {
        foreach (var (template, pattern) in Patterns)
        {
            if (pattern.Match(message) is not { Success: true } match) continue;
            var count = Placeholder.Matches(template).Max(m => (int?)int.Parse(m.Groups[1].Value) + 1) ?? 0;
            return (template, Enumerable.Range(0, count).Select(i => match.Groups["p" + i].Value).ToArray());
        }
        return null;
    }

    /// The message in the current UI culture's language, or unchanged when it has no template.
    public static string Translate(string message, IStringLocalizer localizer) =>
        Match(message) is { } m ? localizer[m.Template, m.Arguments] : message;

    private static Regex Compile(string template)
    {
        var seen = new HashSet<string>();
        var pattern = Placeholder.Replace(Regex.Escape(template).Replace(@"\{", "{"), p =>
            seen.Add(p.Groups[1].Value) ? $"(?<p{p.Groups[1].Value}>.+?)" : $@"\k<p{p.Groups[1].Value}>");
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
