using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Parley.Tests.Identity;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// A browser without script over the in-process server: a cookie session, pages parsed with AngleSharp,
/// forms submitted with every field they carry (the anti-forgery token included), or forged.
public sealed class PageClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public static async Task<PageClient> SignInAsync(TestApp app, string userName, string language = "en")
    {
        var server = (TestServer)app.Services.GetRequiredService<IServer>();
        var http = new HttpClient(new CookieContainerHandler(server.CreateHandler())) { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await http.PostJsonAsync("/api/v1/session", new { userName, password = TestDirectory.Password });
        if (response.StatusCode == HttpStatusCode.Accepted)
            response = await http.PostJsonAsync("/api/v1/session/second-factor", new { code = app.TotpCode(userName) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PageClient(http);
    }

    public sealed record Page(HttpStatusCode Status, IHtmlDocument Document, HttpResponseMessage Response)
    {
        public IElement? Find(string selector) => Document.QuerySelector(selector);
        public IReadOnlyList<IElement> All(string selector) => Document.QuerySelectorAll(selector).ToList();
        public string Text(string selector) => Find(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No {selector} on the page.");
    }

    public async Task<Page> GetAsync(string path) => await ReadAsync(await http.GetAsync(path));

    /// Submits the form of the button that matches the selector, as a browser would, with some fields changed.
    /// A multiple select posts each selected option; to change one, give its options separated by commas.
    public async Task<Page> SubmitAsync(Page page, string buttonSelector, IReadOnlyDictionary<string, string>? fields = null)
    {
        var button = page.Find(buttonSelector) ?? throw new InvalidOperationException($"No button {buttonSelector} on the page.");
        var form = (IHtmlFormElement)button.Closest("form")!;
        var named = form.Elements.OfType<IElement>()
            .Where(e => e.GetAttribute("name") is not null && e is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement).ToList();
        var multiple = named.OfType<IHtmlSelectElement>().Where(s => s.IsMultiple).Select(s => s.Name!).ToHashSet();
        var values = named.Select(e => KeyValuePair.Create(e.GetAttribute("name")!, e switch
            {
                IHtmlInputElement i => [i.Value],
                IHtmlSelectElement { IsMultiple: true } s => s.SelectedOptions.Select(o => o.Value).ToArray(),
                IHtmlSelectElement s => [s.Value ?? ""],
                IHtmlTextAreaElement t => [t.Value],
                _ => new[] { "" },
            })).ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
            values[name] = multiple.Contains(name) ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [value];
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        var body = values.SelectMany(kv => kv.Value.Select(v => KeyValuePair.Create(kv.Key, v)));
        return await FollowAsync(await http.PostAsync(action, new FormUrlEncodedContent(body)));
    }

    /// Submits a file-upload form as a browser would: multipart, with the form's hidden fields.
    public async Task<Page> UploadAsync(Page page, string buttonSelector, string field, string fileName, string content)
    {
        var form = (IHtmlFormElement)(page.Find(buttonSelector) ?? throw new InvalidOperationException($"No button {buttonSelector}.")).Closest("form")!;
        var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()) body.Add(new StringContent(hidden.Value), hidden.Name!);
        body.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), field, fileName);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        return await FollowAsync(await http.PostAsync(action, body));
    }

    /// A form post the page never offered, with a valid anti-forgery token taken from any form of the page.
    public async Task<Page> ForgeAsync(Page page, string action, IReadOnlyDictionary<string, string> fields)
    {
        var token = page.Find("input[name=__af]")?.GetAttribute("value") ?? throw new InvalidOperationException("No form on the page to take a token from.");
        var values = new Dictionary<string, string>(fields) { ["__af"] = token };
        return await FollowAsync(await http.PostAsync(action, new FormUrlEncodedContent(values)));
    }

    /// After a successful post the page redirects; a browser then shows the page it was sent to.
    private async Task<Page> FollowAsync(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? await GetAsync(location.OriginalString)
            : await ReadAsync(response);

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, Parser.ParseDocument(html), response);
    }
}
