namespace Parley.Notifications;

/// The outcome of one attempt. StatusCode is the HTTP status of a webhook or the SMTP reply code of an e-mail.
/// A permanent failure (a rejected address, a deleted webhook) is not retried.
public sealed record DeliveryResult(bool Succeeded, int? StatusCode, string? Error, bool Permanent = false)
{
    public static DeliveryResult Ok(int? statusCode) => new(true, statusCode, null);
    public static DeliveryResult Failure(int? statusCode, string error, bool permanent = false) =>
        new(false, statusCode, error.Length > 2000 ? error[..2000] : error, permanent);
}
