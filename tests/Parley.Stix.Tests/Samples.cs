using System.Text.Json.Nodes;

namespace Parley.Stix.Tests;

/// <summary>Valid STIX 2.1 objects of several types, in the style of the specification's examples.</summary>
internal static class Samples
{
    public const string IdentityId = "identity--311b2d2d-f010-4473-83ec-1edf84858f4c";
    public const string IndicatorId = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    public const string IntrusionSetId = "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29";
    public const string ObservedDataId = "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf";
    public const string Ipv4Id = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd";

    public static readonly string Identity = """
        {"type":"identity","spec_version":"2.1","id":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
         "created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z",
         "name":"Ministry of Interior CERT","identity_class":"organization","sectors":["government-national"]}
        """;

    public static readonly string Indicator = """
        {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "created_by_ref":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
         "indicator_types":["malicious-activity"],"name":"Poison Ivy C2",
         "pattern":"[ipv4-addr:value = '198.51.100.1/32']","pattern_type":"stix",
         "valid_from":"2016-01-01T00:00:00Z","labels":["c2"],
         "object_marking_refs":["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"],
         "external_references":[{"source_name":"parley","external_id":"US-CN-2026-0042"}]}
        """;

    public static readonly string IntrusionSet = """
        {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
         "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
         "name":"APT1","aliases":["Comment Crew","Comment Panda"],"first_seen":"2006-01-01T00:00:00Z",
         "resource_level":"government","primary_motivation":"organizational-gain"}
        """;

    public static readonly string Incident = """
        {"type":"incident","spec_version":"2.1","id":"incident--0a4e1a08-8c3a-4d6b-9c2f-4e7f2f1a3b5c",
         "created":"2026-03-01T09:30:00.000Z","modified":"2026-03-02T10:00:00.000Z",
         "name":"Intrusion at a water utility","description":"Reported under the mechanism."}
        """;

    public static readonly string ObservedData = """
        {"type":"observed-data","spec_version":"2.1","id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
         "created_by_ref":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
         "created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z",
         "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":50,
         "object_refs":["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","domain-name--ecb120bf-2694-4902-a737-62b74539a41b"]}
        """;

    public static readonly string Relationship = """
        {"type":"relationship","spec_version":"2.1","id":"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",
         "created":"2016-04-06T20:06:37.000Z","modified":"2016-04-06T20:06:37.000Z","relationship_type":"indicates",
         "source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29"}
        """;

    public static readonly string Sighting = """
        {"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
         "created_by_ref":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
         "created":"2016-04-06T20:08:31.000Z","modified":"2016-04-06T20:08:31.000Z",
         "first_seen":"2015-12-21T19:00:00Z","last_seen":"2015-12-21T19:00:00Z","count":50,
         "sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
         "observed_data_refs":["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
         "where_sighted_refs":["identity--311b2d2d-f010-4473-83ec-1edf84858f4c"]}
        """;

    public static readonly string Ipv4 = """
        {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"}
        """;

    public static readonly string Ipv6 = """
        {"type":"ipv6-addr","spec_version":"2.1","id":"ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1","value":"2001:db8::1"}
        """;

    public static readonly string DomainName = """
        {"type":"domain-name","spec_version":"2.1","id":"domain-name--ecb120bf-2694-4902-a737-62b74539a41b","value":"example.com"}
        """;

    public static readonly string Url = """
        {"type":"url","spec_version":"2.1","id":"url--c1477287-23ac-5971-a010-5c287877fa60","value":"https://example.com/research/index.html"}
        """;

    public static readonly string File = """
        {"type":"file","spec_version":"2.1","id":"file--e277603e-1060-5ad4-9937-c26c97f1ca68","name":"foo.dll",
         "hashes":{"SHA-256":"aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f"},"size":25536}
        """;

    public static readonly string EmailAddr = """
        {"type":"email-addr","spec_version":"2.1","id":"email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3",
         "value":"john@example.com","display_name":"John Doe"}
        """;

    public static readonly string StatementMarking = """
        {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41db",
         "created":"2016-08-01T00:00:00.000Z","definition_type":"statement",
         "definition":{"statement":"Copyright 2016, Example Corp"}}
        """;

    /// <summary>Every sample, named for test output.</summary>
    public static TheoryData<string, string> All => new()
    {
        { "identity", Identity }, { "indicator", Indicator }, { "intrusion-set", IntrusionSet },
        { "incident", Incident }, { "observed-data", ObservedData }, { "relationship", Relationship },
        { "sighting", Sighting }, { "ipv4-addr", Ipv4 }, { "ipv6-addr", Ipv6 }, { "domain-name", DomainName },
        { "url", Url }, { "file", File }, { "email-addr", EmailAddr }, { "marking-definition", StatementMarking },
    };

    /// <summary>A sample as a JSON object, changed by <paramref name="change"/> (to make it invalid).</summary>
    public static JsonObject With(string json, Action<JsonObject> change)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        change(obj);
        return obj;
    }
}
