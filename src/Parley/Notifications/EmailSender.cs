using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Parley.Notifications;

/// Sends a notification as a plain-text e-mail over SMTP, or, with no SMTP host configured, writes it as an
/// .eml file to the pickup directory. The Message-Id is made from the notification id, so a message sent
/// again after a crash is recognisable as the same one.
public sealed class EmailSender(IOptions<SmtpOptions> options, TimeProvider time)
{
    public MimeMessage Compose(Notification notification)
    {
        var o = options.Value;
        var message = new MimeMessage
        {
            Subject = notification.Subject,
            Date = time.GetUtcNow(),
            MessageId = $"{notification.Id:N}@{DomainOf(o.FromAddress)}",
            Body = new TextPart("plain") { Text = notification.Body },
        };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Headers.Add("X-Parley-Notification", notification.Id.ToString());
        message.Headers.Add("X-Parley-Event", notification.EventType);
        return message;
    }

    public async Task<DeliveryResult> SendAsync(Notification notification, CancellationToken ct)
    {
        MimeMessage message;
        try { message = Compose(notification); }
        catch (ParseException) { return DeliveryResult.Failure(null, "The recipient is not a valid e-mail address.", permanent: true); }

        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host)) return await WriteToPickupAsync(notification, message, ct);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, Socket(o.Security), ct);
            if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            return DeliveryResult.Ok(250);
        }
        catch (SmtpCommandException e)
        {
            // 5xx refusals of the sender, a recipient or the message will not change on a retry.
            var code = (int)e.StatusCode;
            return DeliveryResult.Failure(code, $"SMTP {code}: {e.Message}", permanent: code >= 500 && e.ErrorCode != SmtpErrorCode.UnexpectedStatusCode);
        }
        catch (Exception e) when (e is SmtpProtocolException or AuthenticationException or SslHandshakeException or IOException
                                       or System.Net.Sockets.SocketException or TimeoutException or MailKit.ServiceNotConnectedException)
        {
            return DeliveryResult.Failure(null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<DeliveryResult> WriteToPickupAsync(Notification notification, MimeMessage message, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Value.PickupDirectory);
        System.IO.Directory.CreateDirectory(folder);
        // Written aside and renamed, so a reader never sees half a file and a resend replaces the same file.
        var path = Path.Combine(folder, $"{notification.Id}.eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true);
        return DeliveryResult.Ok(null);
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private static string DomainOf(string address) => address.Contains('@') ? address[(address.LastIndexOf('@') + 1)..] : "parley.local";
}
