using System.Net;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// A refusal of the API's handler shows next to its field in the reader's language, its values kept.
public abstract class ValidationMessagePageTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task NewRequest_WithAnOverLongSubjectAndNoNarrative_IsRefusedInChinese_AndInEnglish()
    {
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "information", ["Priority"] = "routine", ["Tlp"] = "amber", ["Subject"] = new string('s', 201), ["Narrative"] = "",
        };
        var chinese = await PageClient.SignInAsync(App, "us.officer", "zh-CN");
        var refused = await chinese.SubmitAsync(await chinese.GetAsync("/requests/new"), "button[name=Draft][value=false]", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("subject 超过 200 个字符。", refused.Text("#subject-error"));
        Assert.Equal("narrative 为必填项。", refused.Text("#narrative-error"));

        var english = await PageClient.SignInAsync(App, "us.officer");
        var inEnglish = await english.SubmitAsync(await english.GetAsync("/requests/new"), "button[name=Draft][value=false]", fields);
        Assert.Equal("subject is longer than 200 characters.", inEnglish.Text("#subject-error"));
        Assert.Equal("narrative is required.", inEnglish.Text("#narrative-error"));
    }

    [Fact]
    public async Task IncidentFilter_WithAnUnknownSponsor_SaysSoInChinese()
    {
        var chinese = await (await PageClient.SignInAsync(App, "us.analyst", "zh-CN")).GetAsync("/incidents?sponsor=Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, chinese.Status);
        Assert.Equal("“Atlantis”不是已知的 sponsor。", chinese.Text("#sponsor-error"));

        var english = await (await PageClient.SignInAsync(App, "us.analyst")).GetAsync("/incidents?sponsor=Atlantis");
        Assert.Equal("'Atlantis' is not a known sponsor.", english.Text("#sponsor-error"));
    }

    [Fact]
    public async Task AdminDirectory_WithABadTimeZone_SaysSoInChinese()
    {
        var admin = await PageClient.SignInAsync(App, "us.admin", "zh-CN");
        var refused = await admin.SubmitAsync(await admin.GetAsync("/admin/directory"), "[data-action=save-party]",
            new Dictionary<string, string> { ["PartyTimeZone"] = "America/Atlantis" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("“America/Atlantis”不是 IANA 时区。", refused.Text("#party-timeZone-error"));
    }
}

public sealed class ValidationMessagePageOnSqlite() : ValidationMessagePageTests(DatabaseKind.Sqlite);

public sealed class ValidationMessagePageOnPostgres() : ValidationMessagePageTests(DatabaseKind.Postgres);
