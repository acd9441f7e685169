using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Parley.Notifications;

/// POSTs a stored JSON payload to a webhook, signed with the webhook's secret. Any 2xx is a delivery.
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IOptions<NotificationSenderOptions> options)
{
    public const string ClientName = "Parley.Webhooks";

    public async Task<DeliveryResult> SendAsync(Notification notification, Webhook hook, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(notification.Body);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Parley-Event", notification.EventType);
        request.Headers.Add("X-Parley-Delivery", notification.Id.ToString());
        request.Headers.Add("X-Parley-Timestamp", timestamp);
        request.Headers.Add("X-Parley-Signature", WebhookSignature.Sign(hook.Secret, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? DeliveryResult.Ok(code) : DeliveryResult.Failure(code, $"HTTP {code} {response.ReasonPhrase}".TrimEnd());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryResult.Failure(null, $"No response within {options.Value.WebhookTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            // The message names the host and the socket error, never the body or the secret.
            return DeliveryResult.Failure(null, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }
}
