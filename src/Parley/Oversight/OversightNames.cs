using System.Text.Json;

namespace Parley.Oversight;

/// The kebab-case names the report uses for enum values, as the API spells them elsewhere.
public static class OversightNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// Every value of the enum with a zero count, in declaration order, so that empty categories still show.
    public static Dictionary<string, int> Zeros<T>() where T : struct, Enum => Enum.GetValues<T>().ToDictionary(Of, _ => 0);

    public static readonly (string Key, string Label, int MaxDays)[] AgeBands =
    [
        ("under-7-days", "< 7 d", 7),
        ("7-to-30-days", "7–30 d", 30),
        ("30-to-90-days", "30–90 d", 90),
        ("over-90-days", "> 90 d", int.MaxValue),
    ];
}
