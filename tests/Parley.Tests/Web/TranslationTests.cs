using System.Text.RegularExpressions;
using System.Xml.Linq;
using Parley.Directory;
using Parley.Quality;
using Parley.Requests;
using Parley.Web;

namespace Parley.Tests.Web;

/// Every string the pages look up has a Simplified Chinese translation, so no page half-switches language.
public sealed partial class TranslationTests
{
    [Fact]
    public void Every_string_of_the_pages_has_a_Chinese_translation()
    {
        var root = RepositoryRoot();
        var translated = XDocument.Load(Path.Combine(root, "src/Parley/Resources/SharedResource.zh-Hans.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

        var used = System.IO.Directory.EnumerateFiles(Path.Combine(root, "src/Parley/Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetValues<RequestStatus>().Select(Labels.Status))
            .Concat(Enum.GetValues<DeadlineKind>().Select(Labels.Deadline))
            .Concat(Enum.GetValues<RequestAction>().Select(Labels.Action))
            .Concat(Enum.GetValues<RequestEventType>().Select(Labels.Event))
            .Concat(new[] { "on-time", "at-risk", "missed", "met", "paused", "cancelled" }.Select(Labels.Urgency))
            .Concat(Enum.GetValues<Parley.Hotline.HotlineOutcome>().Select(Labels.Outcome))
            .Concat(Sections.All.Select(s => s.Label))
            .Concat(new[] { "calendar", "business" }.Select(Labels.ReportClock))
            .Concat(Parley.Incidents.EffectSentence.Templates).Concat(["all incidents", "(none)", "{0} incidents"])
            .Concat(ValidationMessages.Templates).Concat(LocalizedBindingMessages.Templates)
            .Concat(Enum.GetNames<Priority>()).Concat(Enum.GetNames<RequestKind>()).Concat(Enum.GetNames<RatingOutcome>())
            .Distinct().ToList();

        Assert.True(used.Count > 100, $"only {used.Count} strings found; is the pattern still right?");
        var missing = used.Where(k => !translated.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "No zh-Hans translation for: " + string.Join(" | ", missing));
        Assert.DoesNotContain(translated, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [GeneratedRegex("""T\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex Lookup();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Run the tests from the repository.");
    }
}
