namespace Parley.Notifications;

public static class NotificationServices
{
    /// The sender and its channels, with options from the "NotificationSenderOptions" and "Smtp" sections.
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationSenderOptions>().BindConfiguration(nameof(NotificationSenderOptions)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp").ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebhookSender.ClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // WebhookTimeout applies per call
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Parley-Webhooks/1.0");
            })
            // A redirect could carry a signed payload somewhere the administrator never registered.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<NotificationSender>();
        return services;
    }
}
