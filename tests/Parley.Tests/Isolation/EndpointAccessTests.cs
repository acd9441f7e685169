using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parley.Data;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Isolation;

/// Every endpoint (API, TAXII, pages), read from the app's EndpointDataSource, called by anonymous, every
/// role of the requesting party (US), every role of the receiving party (CN) and every role of a third
/// party (GB), with route values naming one US→CN request and the objects around it.
///
/// Outcomes are classed as allowed (2xx, 3xx other than to the sign-in page, and the refusals of an
/// authorised caller: 400, 409, 412, 413, 415, 422, 423 — the bodies here are `{}`, so an authorised
/// write mostly ends in 400) or denied (401, 403, 404, 405, 406, a redirect to sign-in); any 5xx fails.
/// "hidden" for the third party means: every GB role gets 404 (or a 403 for its role, before any
/// lookup) for the seeded object, byte-identical to the answer for an id that names nothing — after
/// blanking `traceId`, which differs per request by design, and replacing the id the caller sent where
/// the body echoes it (TAXII: "No API root 'us-cn'") — with the same headers and the same SQL
/// statements run, so neither the answer nor the work done (what a timing measurement would see)
/// tells the two apart. "same-answer": the answer is identical but the seeded object costs more SQL
/// statements than a missing one (it is loaded, then found invisible) — a timing difference in
/// principle; these are listed in the table so that none is added unnoticed.
public abstract class EndpointAccessTests(DatabaseKind kind) : AppTest(kind)
{
    private readonly SqlCapture _sql = new();

    protected override void Configure(WebApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(SqliteParleyDbContext))) builder.Services.ConfigureDbContext<SqliteParleyDbContext>(o => o.AddInterceptors(_sql));
        else builder.Services.ConfigureDbContext<PostgresParleyDbContext>(o => o.AddInterceptors(_sql));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachCallerAsTheTableSays_AndTheThirdPartyLearnsNothing()
    {
        App.Server.PreserveExecutionContext = true;
        var scenario = await IsolationScenario.SeedAsync(App);
        var endpoints = EndpointCatalogue.Read(App.Services)
            .OrderBy(e => e.Method == "DELETE")   // deletions last, so that the seeded objects live for the rest
            .ToList();
        var failures = new List<string>();
        var observed = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var outcome = new Dictionary<string, string>();
            await scenario.RefreshForDeleteAsync(App, endpoint);
            outcome["anon"] = Class(await CallAsync(endpoint, scenario.Fill(endpoint, missing: false), null));
            var hiddenFailures = new List<string>();
            var gbAllowed = new List<string>();
            var gbHidden = endpoint.Parameters.Count > 0;
            var gbSameAnswer = endpoint.Parameters.Count > 0;
            foreach (var role in IsolationScenario.Roles)
            {
                var token = scenario.Tokens["gb." + role];
                await scenario.RefreshForDeleteAsync(App, endpoint);
                var seededSql = SqlCapture.Start();
                var seeded = await CallAsync(endpoint, scenario.Fill(endpoint, missing: false), token);
                var missingSql = SqlCapture.Start();
                var missing = await CallAsync(endpoint, scenario.Fill(endpoint, missing: true), token);
                SqlCapture.Stop();
                if (Class(seeded) == "allowed") gbAllowed.Add(role);
                if (seeded.Status >= 500) failures.Add($"{endpoint.Key} as gb.{role}: {seeded.Status}");
                var difference = HiddenDifference(seeded with { Body = seeded.Body.Replace(scenario.Named(endpoint, missing: false), "{object}") },
                    missing with { Body = missing.Body.Replace(scenario.Named(endpoint, missing: true), "{object}") }, seededSql, missingSql);
                if (difference is not null) { gbHidden = false; hiddenFailures.Add($"gb.{role}: {difference}"); }
                if (difference is not null && !difference.StartsWith("SQL")) gbSameAnswer = false;
            }
            outcome["gb"] = gbHidden ? "hidden" : gbSameAnswer ? "same-answer" : gbAllowed.Count == 0 ? "-" : string.Join(",", gbAllowed);

            foreach (var side in new[] { "us", "cn" })
            {
                var allowed = new List<string>();
                foreach (var role in IsolationScenario.Roles)
                {
                    await scenario.RefreshForDeleteAsync(App, endpoint);
                    var response = await CallAsync(endpoint, scenario.Fill(endpoint, missing: false), scenario.Tokens[side + "." + role]);
                    if (response.Status >= 500) failures.Add($"{endpoint.Key} as {side}.{role}: {response.Status} {response.Body}");
                    if (Class(response) == "allowed") allowed.Add(role);
                }
                outcome[side] = allowed.Count == 0 ? "-" : allowed.Count == IsolationScenario.Roles.Length ? "*" : string.Join(",", allowed);
            }
            if (outcome["anon"] == "allowed") outcome["anon"] = "*"; else outcome["anon"] = "-";

            var line = $"anon:{outcome["anon"]} us:{outcome["us"]} cn:{outcome["cn"]} gb:{outcome["gb"]}";
            observed.Add($"[\"{endpoint.Key}\"] = \"{line}\",");
            if (!AccessTable.Expected.TryGetValue(endpoint.Key, out var expected))
                failures.Add($"{endpoint.Key} is not in AccessTable (observed: {line})");
            else if (expected != line)
                failures.Add($"{endpoint.Key}: expected {expected}, observed {line}" +
                    (hiddenFailures.Count > 0 ? " — not hidden: " + string.Join("; ", hiddenFailures.Take(2)) : ""));
        }
        foreach (var stale in AccessTable.Expected.Keys.Except(endpoints.Select(e => e.Key)))
            failures.Add($"{stale} is in AccessTable but no longer an endpoint");

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nObserved table:\n" + string.Join("\n", observed));
    }

    private sealed record Response(int Status, string Body, string Headers, string? Location);

    private static string Class(Response r) => r.Status switch
    {
        401 or 403 or 404 or 405 or 406 => "denied",
        302 when r.Location?.Contains("/sign-in", StringComparison.OrdinalIgnoreCase) == true => "denied",
        >= 500 => "error",
        _ => "allowed",
    };

    private static string? HiddenDifference(Response seeded, Response missing, List<string> seededSql, List<string> missingSql)
    {
        if (seeded.Status is not (403 or 404)) return $"status {seeded.Status} for the seeded object";
        if (missing.Status != seeded.Status) return $"status {seeded.Status} for the seeded object, {missing.Status} for a missing one";
        if (Normalise(seeded.Body) != Normalise(missing.Body)) return $"bodies differ: {seeded.Body} vs {missing.Body}";
        if (seeded.Headers != missing.Headers) return $"headers differ: {seeded.Headers} vs {missing.Headers}";
        if (!seededSql.SequenceEqual(missingSql)) return $"SQL differs: {seededSql.Count} statements vs {missingSql.Count}";
        return null;
    }

    private static string Normalise(string body) => Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"");

    private async Task<Response> CallAsync(EndpointCatalogue.Entry endpoint, string path, string? token)
    {
        var http = await App.Server.SendAsync(c =>
        {
            c.Request.Method = endpoint.Method;
            var query = path.IndexOf('?');
            c.Request.Path = path;
            var taxii = path.StartsWith("/taxii2");
            c.Request.Headers.Accept = taxii ? "application/taxii+json;version=2.1" : endpoint.IsPage ? "text/html" : "application/json";
            if (token is not null) c.Request.Headers.Authorization = "Bearer " + token;
            if (endpoint.Method is "POST" or "PUT" or "PATCH")
            {
                var bytes = Encoding.UTF8.GetBytes(endpoint.IsPage ? "" : "{}");
                c.Request.ContentType = taxii ? "application/taxii+json;version=2.1" : endpoint.IsPage ? "application/x-www-form-urlencoded" : "application/json";
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
                c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });
        var headers = string.Join("|", http.Response.Headers.Where(h => h.Key is not "Date").OrderBy(h => h.Key).Select(h => $"{h.Key}={h.Value}"));
        return new Response(http.Response.StatusCode, http.Body(), headers, http.Response.Headers.Location.ToString());
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}

public sealed class EndpointAccessTestsOnSqlite() : EndpointAccessTests(DatabaseKind.Sqlite);

public sealed class EndpointAccessTestsOnPostgres() : EndpointAccessTests(DatabaseKind.Postgres);
