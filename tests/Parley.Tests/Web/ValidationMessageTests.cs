using System.Text;
using System.Text.RegularExpressions;
using Parley.Web;

namespace Parley.Tests.Web;

/// Each validation message the pages can show is recognised as a template, so it can be shown in Chinese.
public sealed partial class ValidationMessageTests
{
    /// The handlers the pages call (requests, ratings, incidents, oversight, directory, users, tokens, policies, ladder,
    /// webhooks, sign-in, second factor, settings, hotline and escalations), the field limits, and the pages' own checks.
    private static readonly string[] Sources =
    [
        "src/Parley/Requests", "src/Parley/Incidents", "src/Parley/Oversight", "src/Parley/Directory", "src/Parley/Identity",
        "src/Parley/Deadlines", "src/Parley/Escalation/LadderApi.cs", "src/Parley/Notifications/WebhooksApi.cs",
        "src/Parley/Hosting/FieldLimitFilter.cs", "src/Parley/Pages", "src/Parley/Hotline", "src/Parley/Escalation/RaiseEscalation.cs",
        "src/Parley/Escalation/EscalationDecisions.cs", "src/Parley/Escalation/ListEscalations.cs", "src/Parley/Escalation/EscalationAccess.cs",
        "src/Parley/Quality/RatingApi.cs",
    ];

    // Lines that hand a message to the caller: errors["x"] = [...], Add(field, ...), AddModelError, a problem
    // helper, a message constant, a returned message or the arm of a switch that picks one, and the branches of a
    // ternary message.
    private static readonly string[] Markers = ["] = [", "Add(", "AddModelError(", "Invalid(", "ValidationProblem(", "const string ", "return ", "=> \"", "=> $\""];

    // A call that makes a problem: TypedResults.Problem and the handlers' own helpers (Problem, Forbidden, Conflict, Unauthorized).
    [GeneratedRegex(@"\b(?:Problem|Forbidden|Conflict|Unauthorized)\(")]
    private static partial Regex ProblemCall();

    public static TheoryData<string> Templates() => [.. ValidationMessages.Templates];

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTemplate_FormattedWithValues_IsRecognisedAsItself(string template)
    {
        var values = Enumerable.Range(0, 10).Select(i => (object)$"v{i}").ToArray();
        var message = string.Format(template, values);

        var match = ValidationMessages.Match(message);

        Assert.NotNull(match);
        Assert.Equal(template, match.Value.Template);
        Assert.Equal(message, string.Format(match.Value.Template, match.Value.Arguments));
    }

    [Fact]
    public void AMessage_GivesBackItsTemplateAndValues_PreferringTheMostSpecificTemplate()
    {
        var zone = ValidationMessages.Match("'Mars/Olympus' is not an IANA time zone.")!.Value;
        Assert.Equal("'{0}' is not an IANA time zone.", zone.Template);
        Assert.Equal(["Mars/Olympus"], zone.Arguments);
        var tooLong = ValidationMessages.Match("indicators[3].value is longer than 2048 characters.")!.Value;
        Assert.Equal("{0} is longer than {1} characters.", tooLong.Template);
        Assert.Equal(["indicators[3].value", "2048"], tooLong.Arguments);
        Assert.Equal("title is required.", ValidationMessages.Match("title is required.")!.Value.Template);
        Assert.Equal("{0} is required.", ValidationMessages.Match("narrative is required.")!.Value.Template);
        Assert.Null(ValidationMessages.Match("Something nobody wrote a template for."));
    }

    [Fact]
    public void EveryMessageTheHandlersOfThePagesWrite_HasATemplate()
    {
        var messages = SourceFiles()
            .SelectMany(File.ReadLines)
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(line => Markers.Any(line.Contains) || line.TrimStart() is ['?' or ':', ' ', ..])
            .SelectMany(Literals)
            .Where(text => text.Contains(' ') && text.EndsWith('.'))
            .Distinct().ToList();

        Assert.True(messages.Count > 100, $"only {messages.Count} messages found; is the scan still right?");
        var unknown = messages.Where(m => ValidationMessages.Match(m) is null).ToList();
        Assert.True(unknown.Count == 0, "No template in ValidationMessages for: " + string.Join(" | ", unknown));
    }

    /// A page shows a refusal's problem detail, or its title when it has none; titles are not sentences, so this
    /// reads every string given to a problem, over as many lines as the call takes.
    [Fact]
    public void EveryProblemTitleAndDetailTheHandlersOfThePagesGive_HasATemplate()
    {
        var texts = SourceFiles().Select(File.ReadAllText)
            .SelectMany(ProblemArguments)
            .SelectMany(Literals)
            .Where(text => text.Any(char.IsLetter))
            .Distinct().ToList();

        Assert.True(texts.Count > 40, $"only {texts.Count} problem texts found; is the scan still right?");
        Assert.Contains("Not allowed in this state", texts);
        var unknown = texts.Where(m => ValidationMessages.Match(m) is null).ToList();
        Assert.True(unknown.Count == 0, "No template in ValidationMessages for: " + string.Join(" | ", unknown));
    }

    private static IEnumerable<string> SourceFiles()
    {
        var root = TranslationTests.RepositoryRoot();
        return Sources.Select(s => Path.Combine(root, s))
            .SelectMany(s => File.Exists(s) ? [s] : System.IO.Directory.EnumerateFiles(s, "*.cs", SearchOption.AllDirectories));
    }

    /// The arguments of each problem call in a source file, on one line, without its extensions (whose keys and
    /// values are data, not text for a reader).
    private static IEnumerable<string> ProblemArguments(string source)
    {
        foreach (Match call in ProblemCall().Matches(source))
        {
            var open = call.Index + call.Length - 1;
            var arguments = source[open..SkipBalanced(source, open, '(', ')')].ReplaceLineEndings(" ");
            var extensions = arguments.IndexOf("extensions:", StringComparison.Ordinal);
            yield return extensions < 0 ? arguments : arguments[..extensions];
        }
    }

    /// The string literals of a line of C#, an interpolated one with each hole filled with a sample value.
    private static IEnumerable<string> Literals(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var interpolated = line[i] == '$' && i + 1 < line.Length && line[i + 1] == '"';
            if (!interpolated && line[i] != '"') continue;
            var text = new StringBuilder();
            var j = i + (interpolated ? 2 : 1);
            var holes = 0;
            while (j < line.Length && line[j] != '"')
            {
                if (line[j] == '\\' && j + 1 < line.Length) { text.Append(line[j + 1]); j += 2; }
                else if (interpolated && line[j] == '{') { j = SkipHole(line, j); text.Append("v").Append(holes++); }
                else text.Append(line[j++]);
            }
            yield return text.ToString();
            i = j;
        }
    }

    /// The index just after the hole that opens at <paramref name="start"/>, skipping strings inside it.
    private static int SkipHole(string line, int start) => SkipBalanced(line, start, '{', '}');

    /// The index just after the bracket that closes the one at <paramref name="start"/>, skipping strings.
    private static int SkipBalanced(string line, int start, char open, char close)
    {
        var depth = 0;
        var j = start;
        do
        {
            if (line[j] == '"')
            {
                for (j++; j < line.Length && line[j] != '"'; j++)
                    if (line[j] == '\\') j++;
            }
            else if (line[j] == open) depth++;
            else if (line[j] == close) depth--;
            j++;
        } while (j < line.Length && depth > 0);
        return j;
    }
}
