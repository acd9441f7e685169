namespace Parley.Directory;

/// A cooperation mechanism between two or more parties, e.g. the 2015 US–China dialogue.
public sealed class Mechanism
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateOnly AgreementDate { get; set; }
    public string? Description { get; set; }
    public List<MechanismParty> Parties { get; set; } = [];
    public List<DialogueRound> Rounds { get; set; } = [];
    public List<TimelinePolicy> Policies { get; set; } = [];
}

public sealed class MechanismParty
{
    public Guid MechanismId { get; set; }
    public Guid PartyId { get; set; }
    public Party? Party { get; set; }
}

public sealed class DialogueRound
{
    public Guid Id { get; set; }
    public Guid MechanismId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Location { get; set; }
}
