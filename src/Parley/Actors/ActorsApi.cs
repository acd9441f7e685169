using Microsoft.AspNetCore.Http.HttpResults;

namespace Parley.Actors;

public static class ActorsApi
{
    public static RouteGroupBuilder MapActors(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/actors").WithTags("Actors");
        group.RequireAuthorization();
        group.MapGet("/", (string? q, ActorCatalogue catalogue) => TypedResults.Ok(catalogue.Search(q).ToList()));
        group.MapGet("/{name}", Results<Ok<ThreatActor>, NotFound> (string name, ActorCatalogue catalogue) =>
            catalogue.FindByNameOrAlias(name) is { } actor ? TypedResults.Ok(actor) : TypedResults.NotFound());
        return group;
    }
}
