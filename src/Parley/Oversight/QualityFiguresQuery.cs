using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Quality;

namespace Parley.Oversight;

/// Ratings given in the period, grouped by the database on direction, the three scores and the outcome
/// (at most 375 groups per direction), then averaged and counted here.
public sealed class QualityFiguresQuery(ParleyDbContext db, ReportScope scope)
{
    public async Task<Dictionary<(Guid, Guid), QualityFigures>> RunAsync(CancellationToken ct)
    {
        var (mechanism, start, end) = (scope.MechanismId, scope.From, scope.To);
        var groups = await (from a in db.AnswerRatings.AsNoTracking()
                            join r in db.Requests on a.RequestId equals r.Id
                            where r.MechanismId == mechanism && a.RatedAt >= start && a.RatedAt < end
                            group a by new { r.FromPartyId, r.ToPartyId, a.Completeness, a.Relevance, a.Actionability, a.Outcome } into g
                            select new { g.Key.FromPartyId, g.Key.ToPartyId, g.Key.Completeness, g.Key.Relevance, g.Key.Actionability, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);

        return scope.Directions.ToDictionary(key => key, key =>
        {
            var mine = groups.Where(g => (g.FromPartyId, g.ToPartyId) == key).ToList();
            var n = mine.Sum(g => g.Count);
            var histogram = new Dictionary<string, int[]> { ["completeness"] = new int[5], ["relevance"] = new int[5], ["actionability"] = new int[5] };
            var outcomes = OversightNames.Zeros<RatingOutcome>();
            foreach (var g in mine)
            {
                histogram["completeness"][Math.Clamp(g.Completeness, 1, 5) - 1] += g.Count;
                histogram["relevance"][Math.Clamp(g.Relevance, 1, 5) - 1] += g.Count;
                histogram["actionability"][Math.Clamp(g.Actionability, 1, 5) - 1] += g.Count;
                outcomes[OversightNames.Of(g.Outcome)] += g.Count;
            }
            QualityAverages? averages = null;
            if (n > 0)
            {
                double c = mine.Sum(g => g.Completeness * g.Count), r = mine.Sum(g => g.Relevance * g.Count), a = mine.Sum(g => g.Actionability * g.Count);
                averages = new QualityAverages(Math.Round(c / n, 3), Math.Round(r / n, 3), Math.Round(a / n, 3), Math.Round((c + r + a) / (3.0 * n), 3));
            }
            return new QualityFigures(n, averages, histogram, outcomes);
        });
    }
}
