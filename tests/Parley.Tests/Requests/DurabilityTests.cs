using System.Net;
using System.Net.Http.Headers;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Requests;

/// Nothing acknowledged with a 2xx is lost when the server process is killed right after.
public sealed class DurabilityTests
{
    [Fact]
    public async Task KilledRightAfter201s_RestartFindsEveryAcknowledgedRequest()
    {
        var file = TestDatabase.NewSqlitePath();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var acknowledged = new List<string>();
        await using (var server = await ParleyProcess.ServeAsync("--demo", "--db", file))
        {
            var (exit, token, error) = await ParleyProcess.RunAsync("token", "create", "--user", "us.officer", "--db", file);
            Assert.True(exit == 0, error);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());

            var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
                client.PostJsonAsync("/api/v1/requests", RequestBodies.Valid("routine"))));
            server.Kill();
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acknowledged.Add((await response.ReadAsync()).Path("summary", "reference").GetString()!);
            }
        }

        await using (var restarted = await ParleyProcess.ServeAsync("--db", file))
        {
            var (_, token, _) = await ParleyProcess.RunAsync("token", "create", "--user", "us.officer", "--db", file);
            using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
            foreach (var reference in acknowledged)
            {
                var response = await client.GetAsync($"/api/v1/requests/{reference}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference} lost after kill: {response.StatusCode}");
            }
        }
    }
}
