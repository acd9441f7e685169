using Parley.Escalation;

namespace Parley.Hotline;

public static class HotlineApi
{
    public static void AddHotline(this IServiceCollection services)
    {
        services.AddOptions<HotlineOptions>().BindConfiguration(nameof(HotlineOptions)).ValidateDataAnnotations().ValidateOnStart();
        services.AddWatchPass<CommunicationCheckWatch>();
    }

    public static void MapHotline(this IEndpointRouteBuilder routes)
    {
        var hotline = routes.MapGroup("/api/v1/hotline").WithTags("Hotline");
        hotline.MapRoster();
        hotline.MapHotlineSessions();
        routes.MapCommunicationChecks();
    }
}
