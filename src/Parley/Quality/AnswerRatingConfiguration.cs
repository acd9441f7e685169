using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Requests;

namespace Parley.Quality;

public sealed class AnswerRatingConfiguration : IEntityTypeConfiguration<AnswerRating>
{
    public void Configure(EntityTypeBuilder<AnswerRating> b)
    {
        b.HasIndex(r => r.AnswerEventId).IsUnique();
        b.HasIndex(r => r.RequestId);
        b.HasOne<Request>().WithMany().HasForeignKey(r => r.RequestId);
        b.Property(r => r.Comment).HasMaxLength(RequestLimits.Message);
        b.Property(r => r.Reply).HasMaxLength(RequestLimits.Message);
        b.Ignore(r => r.Score);
        b.ToTable(t => t.HasCheckConstraint("CK_AnswerRatings_Scores",
            "\"Completeness\" BETWEEN 1 AND 5 AND \"Relevance\" BETWEEN 1 AND 5 AND \"Actionability\" BETWEEN 1 AND 5"));
    }
}
