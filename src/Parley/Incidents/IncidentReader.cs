using Parley.Actors;

namespace Parley.Incidents;

/// Turns an <see cref="IncidentInput"/> into a draft, naming each field that cannot be read.
public static class IncidentReader
{
    public sealed record Result(IncidentDraft? Draft, Dictionary<string, string[]> Errors, List<string> Warnings);

    /// With <paramref name="unknownActorIsError"/> false (imports), an intrusion set missing from the
    /// catalogue is left out with a warning instead of rejecting the incident.
    public static Result Read(IncidentInput input, bool unknownActorIsError = true, ActorCatalogue? actors = null)
    {
        actors ??= ActorCatalogue.Default;
        var errors = new Dictionary<string, string[]>();
        var warnings = new List<string>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors["title"] = ["title is required."];
        else if (title.Length > IncidentLimits.Title) errors["title"] = [$"title has at most {IncidentLimits.Title} characters."];
        if (input.Description?.Length > IncidentLimits.Description) errors["description"] = ["description is too long."];
        if (input.AttributedBy?.Length > IncidentLimits.Name) errors["attributedBy"] = ["attributedBy is too long."];

        PartialDate firstSeen = default;
        if (string.IsNullOrWhiteSpace(input.FirstSeen)) errors["firstSeen"] = ["firstSeen is required (YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY)."];
        else if (!PartialDate.TryParse(input.FirstSeen, out firstSeen))
            errors["firstSeen"] = [$"'{input.FirstSeen}' is not a date (YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY)."];
        PartialDate? reported = null;
        if (!string.IsNullOrWhiteSpace(input.Reported))
        {
            if (PartialDate.TryParse(input.Reported, out var r)) reported = r;
            else errors["reported"] = [$"'{input.Reported}' is not a date."];
        }
        Confidence? confidence = null;
        if (!string.IsNullOrWhiteSpace(input.Confidence))
        {
            if (Vocabulary.TryConfidence(input.Confidence, out var c)) confidence = c;
            else errors["confidence"] = ["confidence is low, medium or high."];
        }

        var facets = new List<(FacetKind, string)>();
        Each(input.Sponsors, "sponsors", errors, v => Countries.Find(v), v => $"'{v}' is not a country (ISO 3166 code or name).", FacetKind.Sponsor, facets);
        Each(input.VictimCountries, "victimCountries", errors, v => Countries.Find(v), v => $"'{v}' is not a country (ISO 3166 code or name).", FacetKind.VictimCountry, facets);
        Each(input.Sectors, "sectors", errors, v => Vocabulary.TrySector(v, out var s) ? Vocabulary.Name(s) : null,
            v => $"'{v}' is not a sector ({string.Join(", ", Vocabulary.Names<Sector>())}).", FacetKind.Sector, facets);
        Each(input.Categories, "categories", errors, v => Vocabulary.TryCategory(v, out var c) ? Vocabulary.Name(c) : null,
            v => $"'{v}' is not a category ({string.Join(", ", Vocabulary.Names<IncidentCategory>())}).", FacetKind.Category, facets);
        Each(input.VictimOrganisations, "victimOrganisations", errors, v => v.Length <= IncidentLimits.Name ? v : null,
            _ => "a victim organisation's name is too long.", FacetKind.VictimOrganisation, facets);
        var actorErrors = new Dictionary<string, string[]>();
        Each(input.IntrusionSets, "intrusionSets", actorErrors, v => actors.FindByNameOrAlias(v)?.Name,
            v => $"'{v}' is not an intrusion set in the catalogue (MITRE ATT&CK names and aliases).", FacetKind.IntrusionSet, facets);
        foreach (var (field, messages) in actorErrors)
            if (unknownActorIsError) errors[field] = messages;
            else warnings.AddRange(messages.Select(m => m + " Left out."));

        var sources = new List<(string?, string?)>();
        if (input.Sources?.Length > IncidentLimits.MaxSources) errors["sources"] = [$"at most {IncidentLimits.MaxSources} sources."];
        for (var i = 0; i < (input.Sources?.Length ?? 0); i++)
        {
            var s = input.Sources![i];
            var url = s?.Url?.Trim();
            var sourceTitle = s?.Title?.Trim();
            if (string.IsNullOrEmpty(url) && string.IsNullOrEmpty(sourceTitle)) errors[$"sources[{i}]"] = ["a source has a url or a title."];
            else if (!string.IsNullOrEmpty(url) && (url.Length > IncidentLimits.Url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                errors[$"sources[{i}].url"] = [$"'{url}' is not an http(s) URL."];
            else sources.Add((NullIfEmpty(url), NullIfEmpty(sourceTitle)));
        }
        for (var i = 0; i < (input.Breaches?.Length ?? 0); i++)
        {
            var b = input.Breaches![i];
            if (b?.CommitmentId is null) errors[$"breaches[{i}].commitmentId"] = ["commitmentId is required."];
            else if (b.Note?.Length > IncidentLimits.Description) errors[$"breaches[{i}].note"] = ["note is too long."];
        }
        if (input.Id?.Length > IncidentLimits.Key - 3) errors["id"] = ["id is too long."];
        if (errors.Count > 0) return new Result(null, errors, warnings);

        var draft = new IncidentDraft
        {
            Title = title!, Description = NullIfEmpty(input.Description?.Trim()), FirstSeen = firstSeen, Reported = reported,
            Confidence = confidence, AttributedBy = NullIfEmpty(input.AttributedBy?.Trim()), SourceId = NullIfEmpty(input.Id?.Trim()),
        };
        draft.Facets.AddRange(facets.Distinct());
        draft.Sources.AddRange(sources.Distinct());
        draft.RequestIds.AddRange((input.RequestIds ?? []).Distinct());
        draft.Breaches.AddRange((input.Breaches ?? []).GroupBy(b => b.CommitmentId!.Value).Select(g => (g.Key, NullIfEmpty(g.First().Note?.Trim()))));
        return new Result(draft, errors, warnings);
    }

    private static void Each(string[]? values, string field, Dictionary<string, string[]> errors, Func<string, string?> read,
        Func<string, string> error, FacetKind kind, List<(FacetKind, string)> facets)
    {
        if (values is null) return;
        if (values.Length > IncidentLimits.MaxValues) { errors[field] = [$"at most {IncidentLimits.MaxValues} values."]; return; }
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i]?.Trim();
            if (string.IsNullOrEmpty(value)) continue;
            if (read(value) is { } known) facets.Add((kind, known));
            else errors[$"{field}[{i}]"] = [error(value)];
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
