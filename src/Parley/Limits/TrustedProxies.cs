using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Parley.Limits;

/// Behind a TLS-terminating reverse proxy: `ForwardedHeaders:KnownProxies` lists the proxies' addresses
/// whose X-Forwarded-For / X-Forwarded-Proto are believed (loopback by default); from anyone else they
/// are ignored, so a client cannot claim HTTPS or another address.
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders:KnownProxies";

    public static void AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in configuration.GetSection(Section).Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(address));
        });
    }
}
