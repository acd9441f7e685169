using System.Globalization;
using System.Text.Json.Nodes;
using Parley.Directory;
using Parley.Stix;
using Parley.Stix.Markings;
using StixTlp = Parley.Stix.Markings.Tlp;

namespace Parley.Requests;

/// A request's indicators as a STIX 2.1 bundle: the sending agency's identity, the request's TLP marking,
/// one cyber observable and one indicator per indicator, and an observed-data over the activity window.
public static class RequestStix
{
    public const string MediaType = "application/stix+json;version=2.1";

    /// Parley's ids are UUIDv7, which STIX does not accept; STIX ids are derived from them in this namespace.
    private static readonly Guid Namespace = new("5f1e0a3c-7d52-4b8e-9a61-2c4d8e0f7b93");

    private static string StixId(string type, Guid parleyId) => $"{type}--{ObservableIds.UuidV5(Namespace, $"{type}:{parleyId}")}";

    public static StixBundle ToBundle(Request request, DirectoryCache.DirectorySnapshot dir)
    {
        var marking = StixTlp.For((TlpLevel)(int)request.Tlp).ToStixObject();
        var agency = dir.Agencies[request.FromAgencyId];
        var stamp = Timestamp(request.SubmittedAt ?? request.CreatedAt);
        var identityId = StixId("identity", agency.Id);
        JsonArray Markings() => [marking.Id];

        var objects = new List<StixObject>
        {
            marking,
            StixObject.FromJson(new JsonObject
            {
                ["type"] = "identity", ["spec_version"] = "2.1", ["id"] = identityId, ["created"] = stamp, ["modified"] = stamp,
                ["name"] = $"{agency.Name} ({dir.Parties[agency.PartyId].Code})", ["identity_class"] = "organization",
                ["sectors"] = new JsonArray("government-national"),
            }),
        };
        var observableIds = new JsonArray();
        foreach (var indicator in request.Indicators.OrderBy(i => i.Id))
        {
            var (observable, pattern) = Observable(indicator);
            objects.Add(StixObject.FromJson(observable));
            observableIds.Add(observable["id"]!.GetValue<string>());
            objects.Add(StixObject.FromJson(new JsonObject
            {
                ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = StixId("indicator", indicator.Id),
                ["created"] = stamp, ["modified"] = stamp, ["created_by_ref"] = identityId,
                ["name"] = $"{request.Reference ?? "draft"}: {indicator.Value}",
                ["indicator_types"] = new JsonArray("malicious-activity"),
                ["pattern"] = pattern, ["pattern_type"] = "stix", ["valid_from"] = stamp,
                ["object_marking_refs"] = Markings(),
                ["external_references"] = Reference(request),
            }));
        }
        if (observableIds.Count > 0)
        {
            var first = Timestamp(request.ActivityStart ?? request.SubmittedAt ?? request.CreatedAt);
            var last = Timestamp(request.ActivityEnd ?? request.ActivityStart ?? request.SubmittedAt ?? request.CreatedAt);
            objects.Add(StixObject.FromJson(new JsonObject
            {
                ["type"] = "observed-data", ["spec_version"] = "2.1", ["id"] = StixId("observed-data", request.Id),
                ["created"] = stamp, ["modified"] = stamp, ["created_by_ref"] = identityId,
                ["first_observed"] = first, ["last_observed"] = last, ["number_observed"] = 1,
                ["object_refs"] = observableIds, ["object_marking_refs"] = Markings(),
                ["external_references"] = Reference(request),
            }));
        }
        return StixBundle.Create(objects);
    }

    private static (JsonObject Observable, string Pattern) Observable(RequestIndicator i)
    {
        if (i.Type == IndicatorType.FileHash)
        {
            var hashes = new JsonObject { [i.HashAlgorithm!] = i.Value };
            var id = ObservableIds.For("file", new JsonObject { ["hashes"] = hashes.DeepClone() });
            return (new JsonObject { ["type"] = "file", ["spec_version"] = "2.1", ["id"] = id, ["hashes"] = hashes },
                $"[file:hashes.'{i.HashAlgorithm}' = '{Escape(i.Value)}']");
        }
        var type = i.Type switch
        {
            IndicatorType.Ipv4 => "ipv4-addr",
            IndicatorType.Ipv6 => "ipv6-addr",
            IndicatorType.Domain => "domain-name",
            IndicatorType.Url => "url",
            _ => "email-addr",
        };
        var observableId = ObservableIds.For(type, new JsonObject { ["value"] = i.Value });
        var op = i.Type is IndicatorType.Ipv4 or IndicatorType.Ipv6 && i.Value.Contains('/') ? "ISSUBSET" : "=";
        return (new JsonObject { ["type"] = type, ["spec_version"] = "2.1", ["id"] = observableId, ["value"] = i.Value },
            $"[{type}:value {op} '{Escape(i.Value)}']");
    }

    private static JsonArray Reference(Request request) =>
        [new JsonObject { ["source_name"] = "parley", ["external_id"] = request.Reference ?? request.Id.ToString() }];

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("'", "\\'");

    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
