using System.Globalization;
using Parley.Directory;

namespace Parley.Oversight;

/// Resolves the report period. `from` and `to` are dates (YYYY-MM-DD, UTC midnight; a date `to` includes
/// that whole day) or instants with an offset. Without `from` the period starts at the last dialogue round
/// on or before `to` (else at the agreement date); without `to` it ends now.
public static class OversightPeriod
{
    public sealed record Resolved(ReportPeriod? Period, string? Field, string? Error);

    public static Resolved Resolve(Mechanism mechanism, string? from, string? to, DateTime now)
    {
        DateTime end = now;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (Parse(to, endOfDay: true) is not { } t) return Fail("to", "to is a date (YYYY-MM-DD) or an instant with an offset (2016-12-31T00:00:00Z).");
            end = t;
        }
        string basis;
        DateTime start;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (Parse(from, endOfDay: false) is not { } f) return Fail("from", "from is a date (YYYY-MM-DD) or an instant with an offset (2016-01-01T00:00:00Z).");
            start = f;
            basis = "as requested";
        }
        else
        {
            var round = mechanism.Rounds.Where(r => Midnight(r.Date) <= end).OrderBy(r => r.Date).LastOrDefault();
            start = Midnight(round?.Date ?? mechanism.AgreementDate);
            basis = round is null ? $"since the agreement of {mechanism.AgreementDate:yyyy-MM-dd}" : $"since the dialogue round '{round.Title}' of {round.Date:yyyy-MM-dd}";
        }
        if (end <= start) return Fail(string.IsNullOrWhiteSpace(to) ? "from" : "to", "The period must end after it starts.");
        return new Resolved(new ReportPeriod(start, end, basis), null, null);
    }

    private static Resolved Fail(string field, string message) => new(null, field, message);

    private static DateTime Midnight(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static DateTime? Parse(string text, bool endOfDay)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Midnight(endOfDay ? date.AddDays(1) : date);
        if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text[^6] is '+' or '-'))
            return instant.UtcDateTime;
        return null;
    }
}
