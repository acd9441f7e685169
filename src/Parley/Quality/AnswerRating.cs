namespace Parley.Quality;

public enum RatingOutcome { InformationProvided, MitigationConfirmed, NothingUsable }

/// The requesting side's rating of a final answer, with the answering side's one reply.
public sealed class AnswerRating
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    /// The FinalAnswer event rated; unique, so an answer is rated once.
    public Guid AnswerEventId { get; set; }
    public int Completeness { get; set; }
    public int Relevance { get; set; }
    public int Actionability { get; set; }
    public RatingOutcome Outcome { get; set; }
    public string? Comment { get; set; }
    public Guid RatedByUserId { get; set; }
    public Guid RatedByAgencyId { get; set; }
    public DateTime RatedAt { get; set; }
    public string? Reply { get; set; }
    public Guid? RepliedByUserId { get; set; }
    public DateTime? RepliedAt { get; set; }

    public double Score => (Completeness + Relevance + Actionability) / 3.0;
}
