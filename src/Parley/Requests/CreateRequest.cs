using Parley.Directory;

namespace Parley.Requests;

public sealed record IndicatorInput(IndicatorType? Type, string? Value, string? HashAlgorithm, string? Note);

/// What a requesting officer sends. Everything is nullable so that a missing field is reported by
/// name rather than failing deserialisation.
public sealed record CreateRequest(
    string? Mechanism,
    string? ToParty,
    string? ToAgency,
    RequestKind? Kind,
    Priority? Priority,
    string? Subject,
    string? Narrative,
    DateTime? ActivityStart,
    DateTime? ActivityEnd,
    string? Sector,
    string? Victims,
    Tlp? Tlp,
    string? LegalBasis,
    IReadOnlyList<IndicatorInput>? Indicators,
    bool Draft = false);

/// Field checks for a new request; errors are keyed by the JSON field name.
public static class CreateRequestValidation
{
    public static Dictionary<string, string[]> Validate(CreateRequest body, out List<RequestIndicator> indicators)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }
        void Text(string field, string? value, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required) Add(field, $"{field} is required.");
            }
            else if (value.Length > max) Add(field, $"{field} is longer than {max} characters.");
        }

        if (string.IsNullOrWhiteSpace(body.ToParty)) Add("toParty", "toParty is required (ISO 3166 code of the receiving party).");
        if (body.Kind is null) Add("kind", "kind is required.");
        if (body.Priority is null) Add("priority", "priority is required.");
        if (body.Tlp is null) Add("tlp", "tlp is required (clear, green, amber, amber+strict or red).");
        Text("subject", body.Subject, RequestLimits.Subject, required: true);
        Text("narrative", body.Narrative, RequestLimits.Narrative, required: true);
        Text("sector", body.Sector, RequestLimits.ShortText, required: false);
        Text("victims", body.Victims, RequestLimits.Victims, required: false);
        Text("legalBasis", body.LegalBasis, RequestLimits.LegalBasis, required: false);
        if (body.ActivityStart > body.ActivityEnd) Add("activityEnd", "activityEnd is before activityStart.");

        indicators = [];
        var inputs = body.Indicators ?? [];
        if (inputs.Count > RequestLimits.Indicators) Add("indicators", $"At most {RequestLimits.Indicators} indicators per request.");
        for (var i = 0; i < Math.Min(inputs.Count, RequestLimits.Indicators); i++)
        {
            var input = inputs[i];
            var field = $"indicators[{i}]";
            if (input is null) { Add(field, "An indicator cannot be null."); continue; }
            if (input.Type is null) { Add($"{field}.type", "type is required."); continue; }
            if (string.IsNullOrWhiteSpace(input.Value)) { Add($"{field}.value", "value is required."); continue; }
            if (input.Value.Length > RequestLimits.IndicatorValue) { Add($"{field}.value", "value is too long."); continue; }
            if (input.Note?.Length > RequestLimits.ShortText) Add($"{field}.note", "note is too long.");
            var value = IndicatorValidation.Normalise(input.Type.Value, input.Value, input.HashAlgorithm, out var error);
            if (value is null)
            {
                Add(input.Type == IndicatorType.FileHash && error!.StartsWith("hashAlgorithm") ? $"{field}.hashAlgorithm" : $"{field}.value", error!);
                continue;
            }
            indicators.Add(new RequestIndicator
            {
                Type = input.Type.Value,
                Value = value,
                HashAlgorithm = input.Type == IndicatorType.FileHash ? input.HashAlgorithm!.ToUpperInvariant() : null,
                Note = input.Note,
            });
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
