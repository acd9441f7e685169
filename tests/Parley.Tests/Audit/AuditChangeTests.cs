using Parley.Audit;

namespace Parley.Tests.Audit;

/// The API shows an entry's `changes` as a list; an edited row must still be shown, not answered with a 500.
public sealed class AuditChangeTests
{
    [Fact]
    public void Parse_ReadsActionTypeAndId_AndShowsAMisshapenLineWhole()
    {
        Assert.Empty(AuditApi.AuditChange.Parse(""));
        Assert.Equal(
            [new("RequestEvent.added", "RequestEvent", "5"), new("StixObject.added", "StixObject", "indicator--1:2"), new("edited", "", ""), new("no-colon here", "", "")],
            AuditApi.AuditChange.Parse("RequestEvent.added RequestEvent:5\nStixObject.added StixObject:indicator--1:2\nedited\nno-colon here"));
    }
}
