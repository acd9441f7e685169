using Microsoft.Extensions.Primitives;

namespace Parley.Requests;

public static class RequestETag
{
    public static string Of(Request request) => Format(request.Version);

    public static string Format(int version) => $"\"{version}\"";

    /// True when there is no If-Match header, or one of its tags is the request's current one (or *).
    public static bool Matches(StringValues ifMatch, Request request)
    {
        if (StringValues.IsNullOrEmpty(ifMatch)) return true;
        var current = Of(request);
        return ifMatch.SelectMany(v => v!.Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == current || t == "W/" + current);
    }
}
