using Microsoft.EntityFrameworkCore;
using Parley.Audit;
using Parley.Directory;
using Parley.Escalation;
using Parley.Hotline;
using Parley.Notifications;
using Parley.Identity;
using Parley.Intel;
using Parley.Incidents;
using Parley.Quality;
using Parley.Requests;
using Parley.Taxii;

namespace Parley.Data;

public abstract class ParleyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Mechanism> Mechanisms => Set<Mechanism>();
    public DbSet<MechanismParty> MechanismParties => Set<MechanismParty>();
    public DbSet<DialogueRound> DialogueRounds => Set<DialogueRound>();
    public DbSet<TimelinePolicy> TimelinePolicies => Set<TimelinePolicy>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<PointOfContact> PointsOfContact => Set<PointOfContact>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<Request> Requests => Set<Request>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<RequestIndicator> RequestIndicators => Set<RequestIndicator>();
    public DbSet<RequestDeadline> RequestDeadlines => Set<RequestDeadline>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<AnswerRating> AnswerRatings => Set<AnswerRating>();
    public DbSet<DeadlineAlert> DeadlineAlerts => Set<DeadlineAlert>();
    public DbSet<EscalationLevel> EscalationLevels => Set<EscalationLevel>();
    public DbSet<Escalation.Escalation> Escalations => Set<Escalation.Escalation>();
    public DbSet<EscalationStep> EscalationSteps => Set<EscalationStep>();
    public DbSet<OnCallShift> OnCallShifts => Set<OnCallShift>();
    public DbSet<HotlineSession> HotlineSessions => Set<HotlineSession>();
    public DbSet<HotlineParticipant> HotlineParticipants => Set<HotlineParticipant>();
    public DbSet<HotlineNote> HotlineNotes => Set<HotlineNote>();
    public DbSet<HotlineSessionRequest> HotlineSessionRequests => Set<HotlineSessionRequest>();
    public DbSet<CommunicationCheck> CommunicationChecks => Set<CommunicationCheck>();
    public DbSet<CommunicationCheckPing> CommunicationCheckPings => Set<CommunicationCheckPing>();
    public DbSet<CommunicationCheckSchedule> CommunicationCheckSchedules => Set<CommunicationCheckSchedule>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationAttempt> NotificationAttempts => Set<NotificationAttempt>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<StoredObject> StixObjects => Set<StoredObject>();
    public DbSet<CollectionVersion> CollectionVersions => Set<CollectionVersion>();
    public DbSet<TaxiiStatusRecord> TaxiiStatuses => Set<TaxiiStatusRecord>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentFacet> IncidentFacets => Set<IncidentFacet>();
    public DbSet<IncidentSource> IncidentSources => Set<IncidentSource>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// Entries recorded by hand wait here for the next SaveChanges (see <see cref="AuditInterceptor"/>).
    public AuditLog Audit { get; } = new();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ParleyDbContext).Assembly);
        // Ids are UUIDv7 made by the application, so an entity with an id is not necessarily stored yet.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(Guid) && p.IsPrimaryKey()))
            property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC DateTime: sortable on SQLite and timestamptz on PostgreSQL.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

/// The SQLite flavour; exists so that each provider keeps its own migrations.
public sealed class SqliteParleyDbContext(DbContextOptions<SqliteParleyDbContext> options) : ParleyDbContext(options);

/// The PostgreSQL flavour; exists so that each provider keeps its own migrations.
public sealed class PostgresParleyDbContext(DbContextOptions<PostgresParleyDbContext> options) : ParleyDbContext(options);
