using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Identity;
using Parley.Intel;

namespace Parley.Taxii;

public static class TaxiiAddObjects
{
    /// Adds the objects of an envelope. Each object is validated on its own: the valid ones are
    /// stored, the others are listed as failures in the status resource (answered 202, complete).
    public static async Task<IResult> PostAsync(string root, string collectionId, HttpContext http, ClaimsPrincipal user, TaxiiServices s, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var collection = await s.CollectionAsync(root, collectionId, actor, ct);
        if (collection is null) return TaxiiError.NotFound($"No collection '{collectionId}' in API root '{root}'.");
        if (!SharingCollection.CanWrite(actor, collection.Mechanism)) return TaxiiError.Forbidden("You may not add objects to this collection.");

        JsonNode? body;
        try
        {
            // Buffered (the gate has bounded it by max_content_length) so that bad UTF-8 inside a string is a
            // 400 here, not an exception wherever the string is first read.
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
                return TaxiiError.BadRequest("The body is not valid UTF-8.");
            body = JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
            if (!Readable(body)) return TaxiiError.BadRequest("The body repeats a property name in one object, or holds a string that is not text (a lone surrogate escape).");
        }
        catch (JsonException e)
        {
            return TaxiiError.BadRequest($"The body is not valid JSON: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TaxiiGate.TooLarge(s.Options.MaxContentLength);
        }
        if (body is not JsonObject envelope || envelope["objects"] is not JsonArray array)
            return TaxiiError.BadRequest("The body must be a TAXII envelope: a JSON object with an \"objects\" list.");

        var items = array.ToList();
        array.Clear();
        var requested = s.Time.GetUtcNow().UtcDateTime;
        var target = new IngestTarget(collection, actor.PartyId, actor.AgencyId, actor.UserId);
        var result = await s.Ingest.IngestAsync(items.ToAsyncEnumerable(), target, keepSuccesses: true, ct);

        var status = TaxiiStatusEndpoint.Record(collection, actor, requested, result);
        s.Db.TaxiiStatuses.Add(status);
        await s.Db.SaveChangesAsync(ct);
        return new TaxiiResult(TaxiiStatusEndpoint.Resource(status), StatusCodes.Status202Accepted);
    }

    /// Every string can be read and no object repeats a property: a "\ud800" escape or a duplicate key is
    /// well-formed JSON to the parser, but throws wherever the node is first read.
    private static bool Readable(JsonNode? node)
    {
        try
        {
            Walk(node);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return false;
        }

        static void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o: foreach (var (_, v) in o) Walk(v); break;
                case JsonArray a: foreach (var v in a) Walk(v); break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String: v.GetValue<string>(); break;
            }
        }
    }
}
