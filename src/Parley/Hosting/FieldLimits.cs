using Parley.Escalation;
using Parley.Hotline;
using Parley.Identity;
using Parley.Incidents;
using Parley.Requests;

namespace Parley.Hosting;

/// The largest value each field of a JSON write body may hold, in one place (README, "Field size limits").
/// A field's own [MaxLength]/[StringLength] wins; then an entry for the body type's field; then one for the
/// field's name; then <see cref="Short"/> for text and <see cref="Items"/> for lists. Strings inside a list
/// are held to the list field's text limit.
public static class FieldLimits
{
    /// Names, codes, titles, subjects, user names, e-mail addresses, list entries.
    public const int Short = 300;
    /// Narratives, messages, notes and descriptions.
    public const int Long = 20_000;
    /// URLs and indicator values.
    public const int Locator = 2_048;
    /// Entries in any list.
    public const int Items = 1_000;

    private static readonly Dictionary<string, int> TextByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["narrative"] = RequestLimits.Narrative,
        ["message"] = RequestLimits.Message,
        ["comment"] = RequestLimits.Message,
        ["text"] = HotlineSessionSteps.NoteMax,
        ["description"] = IncidentLimits.Description,
        ["reason"] = RaiseEscalation.MaxReason,
        ["resolution"] = RaiseEscalation.MaxReason,
        ["note"] = HotlineSessionSteps.OutcomeNoteMax,
        ["victims"] = RequestLimits.Victims,
        ["legalBasis"] = RequestLimits.LegalBasis,
        ["url"] = Locator,
        ["webhookUrl"] = Locator,
        ["value"] = RequestLimits.IndicatorValue,
        ["password"] = PasswordPolicy.MaximumLength,
    };

    private static readonly Dictionary<(Type Body, string Field), int> TextByField = new()
    {
        [(typeof(CreateRequest), nameof(CreateRequest.Subject))] = RequestLimits.Subject,
        [(typeof(CreateRequest), nameof(CreateRequest.Sector))] = RequestLimits.ShortText,
        [(typeof(IndicatorInput), nameof(IndicatorInput.Note))] = RequestLimits.ShortText,
        [(typeof(OpenSessionInput), nameof(OpenSessionInput.Subject))] = OpenHotlineSession.SubjectMax,
        [(typeof(ShiftInput), nameof(ShiftInput.Note))] = RosterApi.MaxNote,
        [(typeof(IncidentInput), nameof(IncidentInput.Title))] = IncidentLimits.Title,
        [(typeof(SourceInput), nameof(SourceInput.Title))] = IncidentLimits.Title,
        [(typeof(IncidentInput), nameof(IncidentInput.AttributedBy))] = IncidentLimits.Name,
        [(typeof(TokensApi.TokenInput), nameof(TokensApi.TokenInput.Name))] = TokensApi.MaxName,
        [(typeof(LadderApi.LevelInput), nameof(LadderApi.LevelInput.Name))] = LadderApi.MaxName,
    };

    private static readonly Dictionary<string, int> ItemsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["indicators"] = RequestLimits.Indicators,
        ["levels"] = LadderApi.MaxLevels,
    };

    private static readonly Dictionary<(Type Body, string Field), int> ItemsByField = new()
    {
        [(typeof(IncidentInput), nameof(IncidentInput.Sources))] = IncidentLimits.MaxSources,
        [(typeof(IncidentInput), nameof(IncidentInput.VictimOrganisations))] = IncidentLimits.MaxValues,
        [(typeof(IncidentInput), nameof(IncidentInput.VictimCountries))] = IncidentLimits.MaxValues,
        [(typeof(IncidentInput), nameof(IncidentInput.Sectors))] = IncidentLimits.MaxValues,
        [(typeof(IncidentInput), nameof(IncidentInput.Categories))] = IncidentLimits.MaxValues,
        [(typeof(IncidentInput), nameof(IncidentInput.IntrusionSets))] = IncidentLimits.MaxValues,
        [(typeof(IncidentInput), nameof(IncidentInput.Sponsors))] = IncidentLimits.MaxValues,
    };

    /// Most characters a text field of <paramref name="body"/> may hold, unless the property says otherwise.
    public static int Text(Type body, string field) =>
        TextByField.TryGetValue((body, field), out var own) ? own : TextByName.GetValueOrDefault(field, Short);

    /// Most entries a list field of <paramref name="body"/> may hold, unless the property says otherwise.
    public static int List(Type body, string field) =>
        ItemsByField.TryGetValue((body, field), out var own) ? own : ItemsByName.GetValueOrDefault(field, Items);
}
