using Parley.Directory;
using Parley.Requests;

namespace Parley.Benchmarks;

/// One generated request row and its stored deadlines, in the shape the app writes them.
public sealed record GeneratedRequest(Request Row, IReadOnlyList<RequestDeadline> Deadlines);

/// A deterministic (seeded) history of requests between the US and CN agencies: several years of
/// traffic, growing over time, mostly finished; the recent ones are the open ones (about 2–3% in all),
/// each with its three deadlines (at-risk and watch instants as the deadline watcher leaves them) and the
/// earliest pending one in NextDueAt. Closed requests carry no deadline rows, and no request has
/// events, indicators or alerts: the list query never reads them.
/// With <c>openBacklog</c> set, every request is instead open and was submitted within that span before
/// now (the watcher benchmark's shape: a large live backlog whose watch instants all lie ahead).
public sealed class RequestGenerator(BenchDirectory directory, int count, DateTime now, TimeSpan? openBacklog = null)
{
    /// Bump when the generated data changes, so that a cached database is not reused.
    public const int Version = 3;
    public static readonly DateTime Start = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly double[] AgencyWeights = [0.4, 0.3, 0.2, 0.1];
    private static readonly string[] Sectors = ["critical manufacturing", "energy", "financial services", "healthcare", "telecommunications", "government", "education", "transport"];
    private static readonly string[] Fragments =
    [
        "An actor exfiltrated mail from a producer's servers through infrastructure hosted abroad.",
        "The intrusion used a spear-phishing message carrying a malicious office document.",
        "Logs show repeated authentication attempts from the listed addresses over several weeks.",
        "The victim's incident response team preserved disk images and network captures.",
        "We ask for subscriber information and connection logs for the listed servers.",
        "The domain was registered two days before the first connection and resolves to a hosting provider.",
        "Ransomware encrypted file servers and the attackers demanded payment in cryptocurrency.",
        "A botnet of compromised routers is sending denial-of-service traffic to public services.",
        "Please preserve the content of the accounts named below pending a formal request.",
        "The file hash matches a loader seen in earlier campaigns against the same sector.",
    ];

    private readonly Random _random = new(20151125);
    private readonly Dictionary<(string, int), int> _references = new();

    /// The last reference number used per direction ("US-CN") and year, for ReferenceCounters.
    public IReadOnlyDictionary<(string Direction, int Year), int> References => _references;

    public IEnumerable<GeneratedRequest> Generate()
    {
        var span = (now - Start).TotalSeconds;
        for (var i = 0; i < count; i++)
        {
            // Traffic grows over the years: the density of creation times rises linearly.
            var created = openBacklog is { } window
                ? now - window * (1 - (i + _random.NextDouble()) / count)
                : Start.AddSeconds(span * Math.Sqrt((i + _random.NextDouble()) / count));
            yield return Next(created);
        }
    }

    private GeneratedRequest Next(DateTime created)
    {
        var outbound = _random.Next(2) == 0;
        var (fromCodes, toCodes) = outbound ? (BenchDirectory.UsAgencies, BenchDirectory.CnAgencies) : (BenchDirectory.CnAgencies, BenchDirectory.UsAgencies);
        var (fromParty, toParty) = outbound ? (directory.UsPartyId, directory.CnPartyId) : (directory.CnPartyId, directory.UsPartyId);
        var priority = Pick([0.1, 0.3, 0.6]) switch { 0 => Priority.Urgent, 1 => Priority.High, _ => Priority.Routine };
        var age = now - created;
        var openChance = openBacklog is not null ? 1 : age.TotalDays < 30 ? 0.6 : age.TotalDays < 120 ? 0.08 : 0.001;
        var status = _random.NextDouble() < openChance
            ? Pick([0.25, 0.2, 0.45, 0.1]) switch { 0 => RequestStatus.Submitted, 1 => RequestStatus.Acknowledged, 2 => RequestStatus.InProgress, _ => RequestStatus.AwaitingClarification }
            : Pick([0.8, 0.08, 0.05, 0.05, 0.02]) switch { 0 => RequestStatus.Closed, 1 => RequestStatus.Answered, 2 => RequestStatus.Declined, 3 => RequestStatus.Withdrawn, _ => RequestStatus.Draft };

        var submitted = status == RequestStatus.Draft ? (DateTime?)null : openBacklog is null ? created.AddMinutes(_random.Next(5, 600)) : created;
        var acknowledged = status is RequestStatus.Draft or RequestStatus.Submitted or RequestStatus.Withdrawn ? (DateTime?)null
            : openBacklog is null ? submitted!.Value.AddHours(_random.Next(1, 30)) : Min(now, submitted!.Value.AddMinutes(_random.Next(1, 60)));
        var named = acknowledged is not null || (status == RequestStatus.Submitted && _random.NextDouble() < 0.3);
        var direction = $"{(outbound ? "US" : "CN")}-{(outbound ? "CN" : "US")}";
        var fragment = _random.Next(Fragments.Length);
        var row = new Request
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(created)),
            Reference = submitted is null ? null : NextReference(direction, submitted.Value.Year),
            MechanismId = directory.MechanismId,
            FromPartyId = fromParty,
            FromAgencyId = directory.Agencies[fromCodes[Pick(AgencyWeights)]],
            ToPartyId = toParty,
            ToAgencyId = named ? directory.Agencies[toCodes[Pick(AgencyWeights)]] : null,
            Kind = (RequestKind)_random.Next(5),
            Priority = priority,
            Subject = $"{Sectors[_random.Next(Sectors.Length)]}: {Fragments[fragment][..40].TrimEnd()} (case {_random.Next(100000, 999999)})",
            Narrative = string.Join(' ', Enumerable.Range(0, _random.Next(3, 16)).Select(k => Fragments[(fragment + k) % Fragments.Length])),
            ActivityStart = created.AddDays(-_random.Next(5, 60)),
            ActivityEnd = created.AddDays(-_random.Next(0, 5)),
            Sector = Sectors[_random.Next(Sectors.Length)],
            Victims = _random.NextDouble() < 0.7 ? "A company in the " + Sectors[_random.Next(Sectors.Length)] + " sector" : null,
            Tlp = (Tlp)Pick([0.1, 0.3, 0.45, 0.1, 0.05]),
            LegalBasis = "2015 US–China agreement, guidelines for requesting assistance §2",
            Status = status,
            IsOpen = Request.IsOpenStatus(status),
            CreatedAt = created,
            SubmittedAt = submitted,
            DeclineReason = status == RequestStatus.Declined ? "Outside the scope of the mechanism." : null,
        };
        var deadlines = row.IsOpen ? OpenDeadlines(row, submitted!.Value, acknowledged) : [];
        row.NextDueAt = deadlines.Where(d => d.State == DeadlineState.Pending && d.DueAt is not null).Min(d => d.DueAt);
        var events = status switch
        {
            RequestStatus.Draft => 1, RequestStatus.Submitted => 2, RequestStatus.Acknowledged => 3, RequestStatus.Withdrawn => 3,
            RequestStatus.InProgress => 4, RequestStatus.AwaitingClarification => 5, RequestStatus.Declined => 3, RequestStatus.Answered => 5, _ => 6,
        };
        row.Version = events;
        row.UpdatedAt = row.IsOpen ? Min(now, (acknowledged ?? submitted!.Value).AddHours(_random.Next(0, 200))) : created.AddDays(_random.Next(1, 40));
        return new GeneratedRequest(row, deadlines);
    }

    private List<RequestDeadline> OpenDeadlines(Request row, DateTime submitted, DateTime? acknowledged)
    {
        var (ack, first, final) = row.Priority switch
        {
            Priority.Urgent => (4, 24, 72),
            Priority.High => (24, 72, 240),
            _ => (48, 240, 720),
        };
        var paused = row.Status == RequestStatus.AwaitingClarification;
        RequestDeadline Deadline(DeadlineKind kind, int hours, DateTime? completed)
        {
            var running = completed is null && !paused;
            var due = submitted.AddHours(hours);
            var atRisk = submitted.AddHours(hours * 0.75);
            return new RequestDeadline
            {
                RequestId = row.Id,
                Kind = kind,
                DueAt = completed is null && paused ? null : due,
                RemainingWhenPaused = completed is null && paused ? TimeSpan.FromHours(_random.Next(1, hours)) : null,
                CompletedAt = completed,
                State = completed is null ? DeadlineState.Pending : completed <= due ? DeadlineState.Met : DeadlineState.Missed,
                AtRiskAt = running ? atRisk : null,
                // As the deadline watcher leaves them once it has caught up: the next instant still ahead.
                WatchAt = !running ? null : atRisk > now ? atRisk : due > now ? due : null,
            };
        }
        return
        [
            Deadline(DeadlineKind.Acknowledge, ack, acknowledged),
            Deadline(DeadlineKind.FirstAnswer, first, null),
            Deadline(DeadlineKind.FinalAnswer, final, null),
        ];
    }

    private string NextReference(string direction, int year)
    {
        var number = _references.GetValueOrDefault((direction, year)) + 1;
        _references[(direction, year)] = number;
        return $"{direction}-{year}-{number:0000}";
    }

    private int Pick(double[] weights)
    {
        var x = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
