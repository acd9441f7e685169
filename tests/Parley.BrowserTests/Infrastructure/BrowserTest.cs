using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Parley.Tests.Infrastructure;

namespace Parley.BrowserTests.Infrastructure;

/// A fresh server per test and a browser context per user; screenshots go to artifacts/screenshots/.
public abstract class BrowserTest(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    protected WebServer Server { get; private set; } = null!;
    protected IBrowser Browser => chromium.Browser;

    public async Task InitializeAsync() => Server = await WebServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// A signed-in page for the seeded user, in the given browser language; supervisors, hotline
    /// officers and administrators also type the TOTP code the test computes from the seeded secret.
    protected async Task<IPage> SignInAsync(string userName, string locale = "en-US")
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.Url("/sign-in"));
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", TestDirectory.Password);
        await page.ClickAsync("main form button[type=submit]");
        if (Server.Directory.TotpSecrets.ContainsKey(userName))
        {
            await ArrivedAsync(page, "/sign-in/code");
            await page.FillAsync("#Code", Server.Directory.TotpCode(userName, Server.Time.GetUtcNow().UtcDateTime));
            await page.ClickAsync("main form button[type=submit]");
        }
        await ArrivedAsync(page, "^(?!.*/sign-in)");
        return page;
    }

    /// Waits until the page's address matches the pattern, without waiting for its "load" event: in CI
    /// Playwright's WaitForURLAsync once missed a load event that fired while it was subscribing.
    protected static Task ArrivedAsync(IPage page, string pattern) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        return Path.GetTempPath();
    }
}
