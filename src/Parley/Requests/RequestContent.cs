using System.Text.Json;
using Parley.Directory;
using Parley.Identity;

namespace Parley.Requests;

/// A request's content, checked and resolved against the directory; shared by creation and draft revision.
public sealed record RequestContent(Mechanism Mechanism, Party From, Party To, Agency? ToAgency, CreateRequest Body, IReadOnlyList<RequestIndicator> Indicators)
{
    public static RequestContent? Resolve(CreateRequest body, Actor actor, DirectoryCache.DirectorySnapshot dir, out Dictionary<string, string[]> errors)
    {
        errors = CreateRequestValidation.Validate(body, out var indicators);
        var fromParty = dir.Parties[actor.PartyId];
        var toParty = body.ToParty is null ? null
            : dir.Parties.Values.FirstOrDefault(p => p.Code.Equals(body.ToParty.Trim(), StringComparison.OrdinalIgnoreCase));
        if (body.ToParty is not null && toParty is null) errors["toParty"] = [$"No party with code '{body.ToParty}'."];
        if (toParty?.Id == fromParty.Id) errors["toParty"] = ["A request goes to another party."];

        Agency? toAgency = null;
        if (!string.IsNullOrWhiteSpace(body.ToAgency) && toParty is not null)
        {
            toAgency = dir.Agencies.Values.FirstOrDefault(a => a.PartyId == toParty.Id
                && (a.Code.Equals(body.ToAgency, StringComparison.OrdinalIgnoreCase) || a.Id.ToString() == body.ToAgency));
            if (toAgency is null) errors["toAgency"] = [$"{toParty.Code} has no agency '{body.ToAgency}'."];
        }

        var mechanism = toParty is null ? null : FindMechanism(dir, body.Mechanism, fromParty.Id, toParty.Id, errors);
        return errors.Count > 0 ? null : new RequestContent(mechanism!, fromParty, toParty!, toAgency, body, indicators);
    }

    /// Writes the content onto the request row, replacing its indicators.
    public void ApplyTo(Request request, DateTime now)
    {
        request.MechanismId = Mechanism.Id;
        request.FromPartyId = From.Id;
        request.ToPartyId = To.Id;
        request.ToAgencyId = ToAgency?.Id;
        request.Kind = Body.Kind!.Value;
        request.Priority = Body.Priority!.Value;
        request.Subject = Body.Subject!.Trim();
        request.Narrative = Body.Narrative!.Trim();
        request.ActivityStart = Body.ActivityStart?.ToUniversalTime();
        request.ActivityEnd = Body.ActivityEnd?.ToUniversalTime();
        request.Sector = Body.Sector?.Trim();
        request.Victims = Body.Victims?.Trim();
        request.Tlp = Body.Tlp!.Value;
        request.LegalBasis = Body.LegalBasis?.Trim();
        request.Indicators.Clear();
        foreach (var indicator in Indicators)
        {
            indicator.Id = Guid.CreateVersion7(now);
            indicator.RequestId = request.Id;
            request.Indicators.Add(indicator);
        }
    }

    /// The content as stored on the Drafted or DraftRevised event, so the request can be rebuilt from its events.
    public static string Payload(Request request) => JsonSerializer.Serialize(new
    {
        request.MechanismId, request.FromPartyId, request.FromAgencyId, request.ToPartyId, request.ToAgencyId,
        request.Kind, request.Priority, request.Subject, request.Narrative, request.ActivityStart, request.ActivityEnd,
        request.Sector, request.Victims, request.Tlp, request.LegalBasis,
        Indicators = request.Indicators.Select(i => new IndicatorDto(i.Type, i.Value, i.HashAlgorithm, i.Note)),
    }, RequestJson.Options);

    private static Mechanism? FindMechanism(DirectoryCache.DirectorySnapshot dir, string? wanted, Guid from, Guid to, Dictionary<string, string[]> errors)
    {
        var shared = dir.Mechanisms.Values
            .Where(m => m.Parties.Any(p => p.PartyId == from) && m.Parties.Any(p => p.PartyId == to)).ToList();
        if (!string.IsNullOrWhiteSpace(wanted))
        {
            var match = shared.FirstOrDefault(m => m.Code.Equals(wanted, StringComparison.OrdinalIgnoreCase) || m.Id.ToString() == wanted);
            if (match is null) errors["mechanism"] = [$"'{wanted}' is not a mechanism between these two parties."];
            return match;
        }
        if (shared.Count == 1) return shared[0];
        errors["mechanism"] = [shared.Count == 0
            ? "The two parties share no mechanism."
            : $"Several mechanisms join these parties; name one of: {string.Join(", ", shared.Select(m => m.Code))}."];
        return null;
    }
}
