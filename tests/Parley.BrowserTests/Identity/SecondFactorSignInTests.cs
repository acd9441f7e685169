using Microsoft.Playwright;
using Parley.BrowserTests.Infrastructure;

namespace Parley.BrowserTests.Identity;

public sealed class SecondFactorSignInTests(Chromium chromium) : BrowserTest(chromium)
{
    /// An administrator reset the supervisor's factor: the next sign-in enrols a new one (QR code,
    /// secret, first code, recovery codes shown once), and the sign-in after that asks for a code.
    [Fact]
    public async Task Supervisor_enrols_then_signs_in_with_a_code()
    {
        using (var admin = Api.As(Server, "us.admin"))
            (await admin.DeleteAsync($"/api/v1/users/{Server.Directory.Users["us.supervisor"]}/second-factor")).EnsureSuccessStatusCode();

        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.Url("/sign-in"));
        await page.FillAsync("#UserName", "us.supervisor");
        await page.FillAsync("#Password", Parley.Tests.Infrastructure.TestDirectory.Password);
        await page.ClickAsync("main form button[type=submit]");
        await ArrivedAsync(page, "/sign-in/enrol");

        // Nothing else opens half-way.
        var requests = await context.APIRequest.GetAsync(Server.Url("/api/v1/requests"));
        Assert.Equal(401, requests.Status);

        await Assertions.Expect(page.Locator("main img[src^='data:image/svg+xml']")).ToBeVisibleAsync();
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        await Assertions.Expect(page.Locator("#totp-uri")).ToContainTextAsync($"secret={secret}");
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret));

        await page.FillAsync("#Code", "000000" == totp.ComputeTotp(Server.Time.GetUtcNow().UtcDateTime) ? "111111" : "000000");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".alert")).ToContainTextAsync("The code is wrong");

        await page.FillAsync("#Code", totp.ComputeTotp(Server.Time.GetUtcNow().UtcDateTime));
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await ScreenshotAsync(page, "second-factor-recovery-codes");
        await page.ClickAsync("main a:has-text('Continue')");
        await ArrivedAsync(page, "/requests");

        await context.DisposeAsync();

        context = await Browser.NewContextAsync();
        page = await context.NewPageAsync();
        Server.Time.Advance(TimeSpan.FromSeconds(30));
        await page.GotoAsync(Server.Url("/sign-in"));
        await page.FillAsync("#UserName", "us.supervisor");
        await page.FillAsync("#Password", Parley.Tests.Infrastructure.TestDirectory.Password);
        await page.ClickAsync("main form button[type=submit]");
        await ArrivedAsync(page, "/sign-in/code");
        await page.FillAsync("#Code", totp.ComputeTotp(Server.Time.GetUtcNow().UtcDateTime));
        await page.ClickAsync("main form button[type=submit]");
        await ArrivedAsync(page, "/requests");
        await context.DisposeAsync();
    }
}
