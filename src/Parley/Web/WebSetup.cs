using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;

namespace Parley.Web;

/// The server-rendered pages: Razor Pages, English and Simplified Chinese, anti-forgery on every form,
/// static files from wwwroot only, and the security headers.
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-Hans")];
    public const string SignInPath = "/sign-in";

    public static void AddParleyWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/SignInCode");
                o.Conventions.AllowAnonymousToPage("/SignInEnrol");
                o.Conventions.AddPageRoute("/SignIn", SignInPath);
            })
            .AddViewLocalization()
            // A missing optional form or query field is not an error; the handlers say what is required.
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<TranslatedFieldErrors>();
            });
        builder.Services.ConfigureOptions<LocalizedBindingMessages>();
        // Chinese text is written as text, not as &#x…; entities (still HTML-encoded where it must be).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "parley.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = o.FallBackToParentUICultures = true;
            // The user's own setting, else the language picked in the header (a cookie), else the browser's.
            o.RequestCultureProviders = [new UserLanguageProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
    }

    public static void MapParleyWeb(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapRazorPages();
    }

    /// API and TAXII callers get a status code; a browser on a page is sent to the sign-in page.
    public static bool WantsStatusCode(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/taxii2")
        || request.Headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
}
