namespace Parley.Requests;

public static class RequestLimits
{
    public const int Subject = 200;
    public const int Narrative = 20_000;
    public const int ShortText = 200;
    public const int Victims = 2_000;
    public const int LegalBasis = 2_000;
    public const int Message = 20_000;
    public const int IndicatorValue = 2_048;
    public const int Indicators = 500;
}
