using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Parley.Tests.Notifications;

/// An HTTP endpoint on loopback that checks each call's signature the way the README tells receivers to,
/// and keeps every call. <see cref="FailWith"/> makes it answer with that status instead of 204.
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Call(string DeliveryId, string EventType, string Timestamp, string Body, bool SignatureValid, string ContentType, int AnsweredWith);

    private readonly WebApplication _app;
    public ConcurrentQueue<Call> Calls { get; } = new();
    /// The secret the signatures are checked against (set it once the webhook is registered).
    public string Secret { get; set; } = "";
    public int? FailWith { get; set; }
    public string Url { get; private set; } = "";

    /// The calls answered with 2xx, i.e. the deliveries.
    public IReadOnlyList<Call> Delivered => Calls.Where(c => c.AnsweredWith is >= 200 and < 300).ToList();

    private WebhookReceiver(WebApplication app) => _app = app;

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var timestamp = request.Headers["X-Parley-Timestamp"].ToString();
            var status = receiver.FailWith ?? 204;
            receiver.Calls.Enqueue(new Call(
                request.Headers["X-Parley-Delivery"].ToString(), request.Headers["X-Parley-Event"].ToString(), timestamp,
                Encoding.UTF8.GetString(body), Verify(receiver.Secret, timestamp, body, request.Headers["X-Parley-Signature"].ToString()),
                request.ContentType ?? "", status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver.Url = app.Urls.First().TrimEnd('/') + "/hook";
        return receiver;
    }

    /// The receiver's side of the scheme, written out independently of Parley's own code.
    private static bool Verify(string secret, string timestamp, byte[] body, string signature)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
